/**
 * A person's choices for a ledger's texts (unknown category → catalogue code, unknown 承办单位 →
 * unit id): `value` '' takes the choice back.
 */
export function withChoice(
  choices: Readonly<Record<string, string>>,
  text: string,
  value: string,
): Record<string, string> {
  const next = { ...choices };
  if (value === '') delete next[text];
  else next[text] = value;
  return next;
}
