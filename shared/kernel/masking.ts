/** Personal data masking for public walls and roles that do not need it. */

/** 张三 → 张*, 欧阳修远 → 欧***; keeps only the first character. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** Matches unmasked mainland mobile numbers; used by tests and the wall-mode guard. */
export const MOBILE_PATTERN = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** Mobile and landline numbers as a wall must never show them (the e2e masking test uses the same). */
const PHONE_IN_TEXT = /(?<!\d)(?:1[3-9]\d{9}|\d{3,4}-\d{7,8})(?!\d)/g;

/** Free text (titles, notes) with every phone number in it masked: 13812345678 → 138****5678. */
export function maskPhonesIn(text: string): string {
  return text.replace(PHONE_IN_TEXT, (m) => maskPhone(m));
}
