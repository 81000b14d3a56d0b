/** map strings, English: same keys as map.zh.ts. */
import type { Messages } from '../messages';

export const mapEn: Messages['map'] = {};
