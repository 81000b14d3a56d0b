/**
 * 点评会报告 → PDF in the main process with the 'electron' module stood in for (the binary is
 * not installed here): the app's own frame gets its page printed by webContents.printToPDF with
 * the report options and saved where the save dialog says; a cancelled dialog saves nothing; a
 * foreign frame is refused without printing; a failing print answers a Chinese reason.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => ({
  handlers: new Map<string, (...a: unknown[]) => unknown>(),
  save: { canceled: false, filePath: '' as string | undefined },
  dialogs: [] as unknown[],
}));

vi.mock('electron', () => ({
  app: { getPath: () => '/home/user/Documents' },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: (opts: unknown) => {
      m.dialogs.push(opts);
      return Promise.resolve(m.save);
    },
  },
  ipcMain: { handle: (ch: string, h: (...a: unknown[]) => unknown) => m.handlers.set(ch, h) },
}));

import { registerPrintIpc } from '../../../electron/main-print';
import { PDF_CHANNEL } from '../../../electron/ipc-channels';

const dir = mkdtempSync(path.join(tmpdir(), 'hall-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function event(url: string, print: (o: unknown) => Promise<Buffer>) {
  return { senderFrame: { url }, sender: { printToPDF: vi.fn(print) } };
}

describe('main-print', () => {
  registerPrintIpc();
  const handler = m.handlers.get(PDF_CHANNEL)!;

  it('prints the asking page and saves it where the user chose', async () => {
    const file = path.join(dir, 'report.pdf');
    m.save = { canceled: false, filePath: file };
    const e = event('app://hall/index.html', () => Promise.resolve(Buffer.from('%PDF-1.7 report')));
    expect(await handler(e, '双井街道点评会报告-2026-11')).toEqual({ ok: true, saved: file });
    expect(e.sender.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4' }));
    expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7 report');
    expect(m.dialogs.at(-1)).toMatchObject({
      defaultPath: path.join('/home/user/Documents', '双井街道点评会报告-2026-11.pdf'),
    });
  });

  it('saves nothing when the dialog is cancelled', async () => {
    m.save = { canceled: true, filePath: undefined };
    const e = event('app://hall/index.html', () => Promise.resolve(Buffer.from('%PDF')));
    expect(await handler(e, 'x')).toEqual({ ok: true, saved: null });
  });

  it('refuses a foreign frame without printing, and reports a failed print in Chinese', async () => {
    const evil = event('https://evil.example/', () => Promise.resolve(Buffer.from('%PDF')));
    const r = (await handler(evil, 'x')) as { ok: boolean; error: string };
    expect(r.ok).toBe(false);
    expect(evil.sender.printToPDF).not.toHaveBeenCalled();
    m.save = { canceled: false, filePath: path.join(dir, 'never.pdf') };
    const broken = event('app://hall/index.html', () => Promise.reject(new Error('GPU process gone')));
    const b = (await handler(broken, 'x')) as { ok: boolean; error: string };
    expect(b).toMatchObject({ ok: false, saved: null });
    expect(b.error).toContain('PDF 生成失败');
    expect(existsSync(path.join(dir, 'never.pdf'))).toBe(false);
  });
});
