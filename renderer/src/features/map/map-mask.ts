/** Wall-mode masking of what the map shows: names and phone numbers never reach a label or popup. */
import { maskName, maskPhone } from '../../../../shared/kernel/masking';

const MOBILE_ANYWHERE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** Landlines as written in the demo and by hand: 010-12345678, 6512 3456. */
const LANDLINE_ANYWHERE = /(?<!\d)(?:0\d{2,3}-?)?\d{4}[- ]?\d{4}(?!\d)/g;

export function maskPhonesIn(text: string): string {
  return text.replace(MOBILE_ANYWHERE, (m) => maskPhone(m)).replace(LANDLINE_ANYWHERE, (m) => maskPhone(m));
}

/** A person's name as the map may show it. */
export function shownName(name: string, masked: boolean): string {
  return masked ? maskName(name) : name;
}
