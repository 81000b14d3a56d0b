/**
 * 点评会 in Electron without the binary: which window.open becomes the presenter-notes window
 * (only the blank 'hall-notes' window), where it goes (another display than the deck's), and the
 * PDF file name the report is saved under.
 */
import { describe, expect, it } from 'vitest';
import {
  mayOpenPresenter,
  pdfFileName,
  presenterWindowOptions,
  REPORT_PDF_OPTIONS,
} from '../../../electron/meeting-policy';

describe('presenter window', () => {
  it('opens only the blank hall-notes window', () => {
    expect(mayOpenPresenter({ url: 'about:blank', frameName: 'hall-notes' })).toBe(true);
    expect(mayOpenPresenter({ url: 'about:blank', frameName: 'other' })).toBe(false);
    expect(mayOpenPresenter({ url: 'about:blank' })).toBe(false);
    expect(mayOpenPresenter({ url: 'https://evil.example/', frameName: 'hall-notes' })).toBe(false);
    expect(mayOpenPresenter({ url: 'app://hall/index.html', frameName: 'hall-notes' })).toBe(false);
  });

  it('goes on a display other than the deck, sandboxed', () => {
    const displays = [
      { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 2, workArea: { x: 1920, y: 0, width: 1600, height: 900 } },
    ];
    const o = presenterWindowOptions(displays, 1);
    expect(o).toMatchObject({ x: 1920 + 350, y: 150, width: 900, height: 600 });
    expect(o.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(o.webPreferences?.preload).toBeUndefined();
    expect(presenterWindowOptions(displays, 2)).toMatchObject({ x: 510, y: 240 });
    // One display: centred on it; none known: Electron places it.
    expect(presenterWindowOptions([displays[0]!], 1)).toMatchObject({ x: 510, y: 240 });
    expect(presenterWindowOptions([], null).x).toBeUndefined();
  });
});

describe('report PDF', () => {
  it('prints A4 with the page CSS and names the file safely', () => {
    expect(REPORT_PDF_OPTIONS).toMatchObject({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(pdfFileName('双井街道点评会报告-2026-11')).toBe('双井街道点评会报告-2026-11.pdf');
    expect(pdfFileName('../../etc/passwd')).toBe('_.._etc_passwd.pdf');
    expect(pdfFileName('a:b*c?.PDF')).toBe('a_b_c_.pdf');
    expect(pdfFileName(42)).toBe('点评会报告.pdf');
    expect(pdfFileName('x'.repeat(200))).toHaveLength(84);
  });
});
