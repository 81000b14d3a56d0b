/** jobs strings, English: the same keys as messages.zh.ts. */
import type { jobsZh } from './messages.zh';
import type { Catalogue } from '../../platform/i18n/catalogue';

export const jobsEn: Catalogue<typeof jobsZh> = {
  jobs: {
    open: 'Exports',
    openRunning: 'Exports ({{n}} running)',
    openHint: 'Excel ledgers and reports built in the background: progress, cancel, download',
    title: 'Exports',
    hint: 'Exports run in the background and do not slow dispatch; download when done — files are also kept in the data folder under exports',
    close: 'Close',
    empty: 'No exports yet',
    export: 'Export',
    exportHint: 'Export an Excel ledger with the current filters (in the background)',
    exporting: 'Submitting…',
    cancel: 'Cancel',
    download: 'Download',
    downloading: 'Downloading…',
    rowsOf: '{{done}} / {{total}} rows',
    rows: '{{done}} rows',
    status: {
      queued: 'Queued',
      running: 'Running',
      done: 'Done',
      failed: 'Failed',
      cancelled: 'Cancelled',
    },
    ledger: {
      sheet: 'Orders',
      title: 'Orders {{date}}',
      source: 'Source',
      unit: 'Unit',
      address: 'Address',
      overdue: 'Overdue',
      yes: 'yes',
    },
    columns: {
      title: 'Content',
      status: 'Status',
      progress: 'Progress',
      createdAt: 'Submitted',
      createdBy: 'By',
      file: 'File',
      actions: 'Actions',
    },
  },
};
