/**
 * Personal data masking for public walls and roles that do not need it.
 *
 * Free text is typed by people, so a phone number or an ID number rarely arrives in one clean
 * form: `138 1234 5678`, `138-1234-5678`, `+86 138…`, `0086…`, full-width digits, Chinese
 * numerals (一三八…, 幺 for 1), digits split by zero-width characters, `(010)87654321`. Matching
 * therefore runs on a normalised copy of the text — each character reduced to a digit, a
 * separator or "other", invisible characters dropped — and the masked form replaces the whole
 * original span (separators and invisible characters included).
 */

/** 张三 → 张*, 欧阳修远 → 欧***; keeps only the first character. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = Array.from(phone)
    .map(digitOf)
    .filter((d): d is string => d !== null)
    .join('');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** Matches unmasked mainland mobile numbers; used by tests and the wall-mode guard. */
export const MOBILE_PATTERN = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** Chinese numerals people type for digits (幺 is how 1 is read out in phone numbers). */
const CN_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  '○': '0',
  洞: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

/** Characters that do not show (zero-width, joiners, soft hyphen, marks, variation selectors). */
const INVISIBLE = /^[\p{Cf}\p{M}\u180E\u3164\uFFA0\u115F\u1160]$/u;
/** What people put between digit groups (after NFKC: full-width forms are already ASCII). */
const SEPARATOR = /^[\s\-‐‑‒–—―−.·•・/\\_()[\]{}+,，、:：~～'"’”*#]$/u;

/** The digit a character stands for, or null. */
function digitOf(ch: string): string | null {
  const cn = CN_DIGITS[ch];
  if (cn) return cn;
  const n = ch.normalize('NFKC');
  return n.length === 1 && n >= '0' && n <= '9' ? n : null;
}

type CharClass = 'digit' | 'x' | 'sep' | 'invisible' | 'other';

function classify(ch: string): { cls: CharClass; digit?: string } {
  const d = digitOf(ch);
  if (d !== null) return { cls: 'digit', digit: d };
  if (INVISIBLE.test(ch)) return { cls: 'invisible' };
  const n = ch.normalize('NFKC');
  if (n === 'X' || n === 'x') return { cls: 'x' };
  if (n.length === 1 && SEPARATOR.test(n)) return { cls: 'sep' };
  if (n.length === 0) return { cls: 'invisible' };
  return { cls: 'other' };
}

/**
 * The text as one character per visible code point: digits as '0'–'9', the ID check letter as
 * 'X', separators as '~', anything else as '#'; `at[i]` is where norm[i] starts in the text.
 */
function normalise(text: string): { norm: string; at: number[]; end: number[] } {
  let norm = '';
  const at: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    const c = classify(ch);
    if (c.cls === 'invisible') {
      // Invisible characters belong to the character before them (their span grows).
      if (end.length > 0) end[end.length - 1] = i + ch.length;
    } else {
      norm += c.cls === 'digit' ? c.digit : c.cls === 'x' ? 'X' : c.cls === 'sep' ? '~' : '#';
      at.push(i);
      end.push(i + ch.length);
    }
    i += ch.length;
  }
  return { norm, at, end };
}

const SEP = '~{0,3}';
/** 18-digit resident ID (17 digits and a check digit or X). */
const ID_NUMBER = `\\d(?:${SEP}\\d){16}${SEP}[\\dX]`;
/** A landline with its area code: 0 and 9–11 more digits (010 8765 4321, 0755-8765432). */
const LANDLINE = `0(?:${SEP}\\d){9,11}`;
/** A mobile number, with +86 / 0086 / 86 in front or not. */
const MOBILE = `(?:(?:00${SEP})?8${SEP}6${SEP})?1${SEP}[3-9](?:${SEP}\\d){9}`;
const PERSONAL_NUMBER = new RegExp(`(?<!\\d)(?:(${ID_NUMBER})|(${LANDLINE})|(${MOBILE}))(?!\\d)`, 'g');

function digitsOf(norm: string): string {
  return norm.replace(/[^\dX]/g, '');
}

function maskIdNumber(d: string): string {
  return `${d.slice(0, 2)}${'*'.repeat(d.length - 4)}${d.slice(-2)}`;
}

/** The same form as maskPhone: 010****4321 (first three and last four digits). */
function maskLandline(d: string): string {
  return `${d.slice(0, 3)}****${d.slice(-4)}`;
}

function maskMobile(d: string): string {
  const national = d.length > 11 ? d.slice(-11) : d;
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

/**
 * Free text with every phone number (mobile, landline with area code) and 18-digit ID number
 * masked, in whatever form it was typed: `138 1234 5678` → `138****5678`.
 */
export function maskPhonesIn(text: string): string {
  if (text === '') return text;
  const { norm, at, end } = normalise(text);
  let out = '';
  let from = 0;
  PERSONAL_NUMBER.lastIndex = 0;
  for (let m = PERSONAL_NUMBER.exec(norm); m; m = PERSONAL_NUMBER.exec(norm)) {
    const first = m.index;
    const last = m.index + m[0].length - 1;
    const d = digitsOf(m[0]);
    const masked = m[1] ? maskIdNumber(d) : m[2] ? maskLandline(d) : maskMobile(d);
    const start = at[first] as number;
    out += text.slice(from, start) + masked;
    from = end[last] as number;
  }
  return from === 0 ? text : out + text.slice(from);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Between the characters of a name: spaces, dots and invisible characters someone slipped in. */
const NAME_GAP = '[\\s\\p{Cf}\\p{M}·•・.\\-_]{0,3}';

/**
 * The citizen's own name wherever it was typed into a text (张三, 张 三, 张\u200b三) → 张*.
 * Names of one character are left alone: they would hit ordinary words.
 */
export function maskNamesIn(text: string, names: readonly (string | null | undefined)[]): string {
  let out = text;
  const wanted = [
    ...new Set(
      names.map((n) => (n ?? '').replace(/[\s\p{Cf}]/gu, '')).filter((n) => Array.from(n).length >= 2),
    ),
  ].sort((a, b) => b.length - a.length);
  for (const name of wanted) {
    const pattern = new RegExp(
      Array.from(name)
        .map((c) => escapeRegExp(c))
        .join(NAME_GAP),
      'gu',
    );
    out = out.replace(pattern, () => maskName(name));
  }
  return out;
}

/** Every kind of personal data this module knows in a free text: numbers, and the given names. */
export function maskPersonalIn(text: string, names: readonly (string | null | undefined)[] = []): string {
  return maskPhonesIn(maskNamesIn(text, names));
}

/**
 * An address as a public wall may show it: the road or estate, not the door. Everything from
 * the first digit on (house, building, unit, room) is cut: 光华路12号3号楼 → 光华路**.
 */
export function maskAddress(address: string): string {
  const { norm, at } = normalise(address);
  const first = norm.search(/\d/);
  if (first < 0) return maskPhonesIn(address);
  const keep = address.slice(0, at[first] as number).trimEnd();
  return `${keep}**`;
}

/**
 * A text normalised the way the masking reads it: digits of any form as ASCII, separators and
 * invisible characters removed. Tests use it to prove no unmasked number survived.
 */
export function digitsView(text: string): string {
  return normalise(text).norm.replace(/~/g, '');
}
