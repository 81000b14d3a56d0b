/** The audit feature's public surface: the header's 审计日志 entry for admins (with its dialog). */
export { AuditButton } from './AuditButton';
