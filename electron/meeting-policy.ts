/**
 * 点评会 in Electron, as pure functions (no runtime 'electron' import, unit-tested in Node):
 * which window.open becomes the presenter-notes window (meeting mode's 演讲者备注: a blank window
 * of the app's own origin, named 'hall-notes' — nothing else opens), where it goes (a display
 * other than the deck's, when there is one), and how the report prints to PDF (A4, the page's own
 * print CSS) and what the file is called.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The window name meeting mode opens its notes in (MeetingDeck.tsx). */
export const PRESENTER_FRAME = 'hall-notes';

/** Only the presenter-notes window may open: about:blank (same origin as its opener), by name. */
export function mayOpenPresenter(d: { readonly url: string; readonly frameName?: string }): boolean {
  return d.frameName === PRESENTER_FRAME && d.url === 'about:blank';
}

export interface DisplayArea {
  readonly id: number;
  readonly workArea: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/**
 * The notes window: on a display other than the one the deck is on (the presenter's screen while
 * the projector shows the deck), else beside it on the same one. No preload: the opener writes it.
 */
export function presenterWindowOptions(
  displays: readonly DisplayArea[],
  deckDisplayId: number | null,
): BrowserWindowConstructorOptions {
  const other = displays.find((d) => d.id !== deckDisplayId) ?? displays[0];
  const width = 900;
  const height = 600;
  const place = other
    ? {
        x: other.workArea.x + Math.max(0, Math.round((other.workArea.width - width) / 2)),
        y: other.workArea.y + Math.max(0, Math.round((other.workArea.height - height) / 2)),
      }
    : {};
  return {
    ...place,
    width,
    height,
    title: '演讲者备注',
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    },
  };
}

/** printToPDF options: A4 with the page's @page rules and backgrounds (the report's print CSS). */
export const REPORT_PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  margins: { marginType: 'default' },
} as const;

/** A safe file name for the saved PDF (the renderer proposes 点评会报告-2026-11). */
export function pdfFileName(proposed: unknown): string {
  const base = (typeof proposed === 'string' ? proposed : '')
    .replace(/\.pdf$/i, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 80);
  return `${base || '点评会报告'}.pdf`;
}
