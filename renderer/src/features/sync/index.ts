/** The sync feature's public surface: the outage banner, the status-bar items and the 同步 dialog. */
export { SyncBanner } from './SyncBanner';
export { SyncDialog, type SyncDialogProps, type SyncTab } from './SyncDialog';
export { SyncStatusItems, type SyncStatusItemsProps } from './SyncStatusItems';
