/** wall strings, English: same keys as wall.zh.ts. */
import type { Messages } from '../messages';

export const wallEn: Messages['wall'] = {};
