/**
 * Exposes `window.hall` (HallBridge) to the sandboxed renderer. Bundled to CJS; at runtime it
 * requires nothing but 'electron' (sandboxed preloads cannot load other modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallResult, ChangeHint, HallBridge } from '../shared/contract';
import { CALL_CHANNEL, CHANGE_CHANNEL } from './ipc-channels';

const bridge: HallBridge = {
  call(proc: string, input: unknown): Promise<CallResult> {
    return ipcRenderer.invoke(CALL_CHANNEL, proc, input) as Promise<CallResult>;
  },
  onChange(listener: (hint: ChangeHint) => void): () => void {
    // Wrap so the renderer never sees the IpcRendererEvent (it exposes `sender`).
    const wrapped = (_event: IpcRendererEvent, hint: ChangeHint): void => listener(hint);
    ipcRenderer.on(CHANGE_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(CHANGE_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('hall', bridge);
