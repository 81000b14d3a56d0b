/** IPC channel names, in a file of their own so the preload bundle pulls in nothing else. */
export const CALL_CHANNEL = 'hall:call';
export const CHANGE_CHANNEL = 'hall:change';
/** 点评会报告 → PDF (webContents.printToPDF in the main process). */
export const PDF_CHANNEL = 'hall:print-pdf';
