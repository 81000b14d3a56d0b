/**
 * 点评会报告 → PDF in Electron: the page asks (window.hall.printToPdf), the main process prints
 * the asking page with `webContents.printToPDF` (its print CSS: only the report) and saves it
 * where the user chooses. Only the app's own top frame may ask.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { PDF_CHANNEL } from './ipc-channels';
import { pdfFileName, REPORT_PDF_OPTIONS } from './meeting-policy';
import { isTrustedSender } from './window-policy';

export interface PrintResult {
  readonly ok: boolean;
  /** Where the PDF was saved; null when the user cancelled. */
  readonly saved: string | null;
  readonly error?: string;
}

export async function printReport(event: IpcMainInvokeEvent, proposed: unknown): Promise<PrintResult> {
  if (!isTrustedSender(event.senderFrame)) return { ok: false, saved: null, error: '拒绝：非本应用页面' };
  try {
    const pdf = await event.sender.printToPDF(REPORT_PDF_OPTIONS);
    const win = BrowserWindow.fromWebContents(event.sender);
    const opts = {
      title: '存为 PDF',
      defaultPath: path.join(app.getPath('documents'), pdfFileName(proposed)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const choice = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    if (choice.canceled || !choice.filePath) return { ok: true, saved: null };
    await writeFile(choice.filePath, pdf);
    return { ok: true, saved: choice.filePath };
  } catch (err) {
    return {
      ok: false,
      saved: null,
      error: `PDF 生成失败：${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

export function registerPrintIpc(): void {
  ipcMain.handle(PDF_CHANNEL, (event, proposed: unknown) => printReport(event, proposed));
}
