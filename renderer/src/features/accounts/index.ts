/** The accounts feature's public surface: the 账号管理 dialog the header opens. */
export { AccountsDialog, type AccountsDialogProps } from './AccountsDialog';
