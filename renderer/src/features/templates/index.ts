/** The templates feature's public surface: the header's 答复模板 entry for admins (with its dialog). */
export { TemplatesButton } from './TemplatesButton';
