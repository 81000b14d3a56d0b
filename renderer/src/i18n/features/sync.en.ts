/** sync strings, English: same keys as sync.zh.ts. */
import type { Messages } from '../messages';

export const syncEn: Messages['sync'] = {};
