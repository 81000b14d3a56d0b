/** The import feature's public surface: the header's 导入台账 entry (commanders and admins). */
export { ImportButton } from './ImportButton';
