/**
 * What a new password must be (first-run setup, new accounts, resets). Pure: the core checks it
 * in the contract's input schema, the account forms check it before sending, with the same rules.
 *
 * At least 8 characters; no control characters (a NUL, a tab, a line break); not only spaces;
 * letters, digits and other characters of at least two kinds; at least 4 different characters;
 * not one of the passwords every guesser tries first; and not the user name (forwards, backwards,
 * or with only digits and symbols around it).
 */

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordRule =
  'short' | 'long' | 'control' | 'blank' | 'classes' | 'distinct' | 'common' | 'username';

/** One Chinese sentence per rule: what the person has to change. */
export const PASSWORD_RULE_TEXT: Readonly<Record<PasswordRule, string>> = {
  short: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
  long: `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`,
  control: '密码不能包含控制字符（如空字符、制表符、换行）',
  blank: '密码不能全是空格',
  classes: '密码须包含字母、数字、符号中的至少两类',
  distinct: '密码至少包含 4 个不同的字符',
  common: '密码过于常见，请换一个',
  username: '密码不能与用户名相同或只在用户名前后加数字、符号',
};

/** The passwords guessers try first (lower case), and a few of this app's own words. */
const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  '12345678',
  '123456789',
  '1234567890',
  '87654321',
  'qwertyui',
  'qwerty12',
  'qwerty123',
  'qwer1234',
  '1234qwer',
  'abc12345',
  'abcd1234',
  'abc123456',
  'a1234567',
  'a12345678',
  'a123456789',
  'aa123456',
  '1qaz2wsx',
  '1q2w3e4r',
  'q1w2e3r4',
  '123qweasd',
  'qwe12345',
  'asdf1234',
  'zxcvbnm1',
  'admin123',
  'admin888',
  'admin1234',
  'admin@123',
  'root1234',
  'test1234',
  'iloveyou',
  'woaini1314',
  'woaini520',
  'hall1234',
  'zhihui123',
]);

function kinds(p: string): number {
  let letters = 0;
  let digits = 0;
  let other = 0;
  for (const ch of p) {
    if (/\p{L}/u.test(ch)) letters = 1;
    else if (/\p{N}/u.test(ch)) digits = 1;
    else other = 1;
  }
  return letters + digits + other;
}

/** True when `p` is the name with nothing but digits and symbols before or after it. */
function isNameVariant(p: string, name: string): boolean {
  const n = name.trim().toLowerCase();
  if (n.length < 2) return false;
  const lower = p.toLowerCase();
  const reversed = Array.from(n).reverse().join('');
  for (const form of [n, reversed]) {
    const at = lower.indexOf(form);
    if (at < 0) continue;
    const rest = lower.slice(0, at) + lower.slice(at + form.length);
    if (!/\p{L}/u.test(rest)) return true;
  }
  return false;
}

/** The first rule the password breaks, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  who: { readonly username?: string; readonly displayName?: string } = {},
): PasswordRule | null {
  const chars = Array.from(password);
  if (chars.length < MIN_PASSWORD_LENGTH) return 'short';
  if (chars.length > MAX_PASSWORD_LENGTH) return 'long';
  if (/\p{Cc}/u.test(password)) return 'control';
  if (password.trim() === '') return 'blank';
  if (kinds(password) < 2) return 'classes';
  if (new Set(chars).size < 4) return 'distinct';
  if (COMMON.has(password.toLowerCase().trim())) return 'common';
  if (who.username && isNameVariant(password, who.username)) return 'username';
  if (who.displayName && isNameVariant(password, who.displayName)) return 'username';
  return null;
}
