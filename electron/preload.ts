/**
 * Exposes `window.hall` (HallBridge) to the sandboxed renderer. Bundled to CJS; at runtime it
 * requires nothing but 'electron' (sandboxed preloads cannot load other modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallResult, ChangeHint, HallBridge } from '../shared/contract';
import type { PdfResult } from '../shared/kernel/bridge';
import { CALL_CHANNEL, CHANGE_CHANNEL, PDF_CHANNEL } from './ipc-channels';

/** HallBridge plus the per-call flags: `{ masked: true }` while the page is in wall mode (大屏模式). */
interface WallAwareBridge extends HallBridge {
  call(proc: string, input: unknown, flags?: { readonly masked?: boolean }): Promise<CallResult>;
}

const bridge: WallAwareBridge = {
  call(proc: string, input: unknown, flags?: { readonly masked?: boolean }): Promise<CallResult> {
    return ipcRenderer.invoke(CALL_CHANNEL, proc, input, {
      masked: flags?.masked === true,
    }) as Promise<CallResult>;
  },
  onChange(listener: (hint: ChangeHint) => void): () => void {
    // Wrap so the renderer never sees the IpcRendererEvent (it exposes `sender`).
    const wrapped = (_event: IpcRendererEvent, hint: ChangeHint): void => listener(hint);
    ipcRenderer.on(CHANGE_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(CHANGE_CHANNEL, wrapped);
    };
  },
  printToPdf(fileName: string) {
    return ipcRenderer.invoke(PDF_CHANNEL, fileName) as Promise<PdfResult>;
  },
};

contextBridge.exposeInMainWorld('hall', bridge);
