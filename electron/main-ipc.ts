/** Registers the bridge's IPC in the main process and pushes batched change hints to windows. */
import { BrowserWindow, ipcMain } from 'electron';
import type { ChangeHint } from '../shared/contract';
import type { Core } from './core/runtime/core';
import { createHintBatcher } from './core/adapters/host/hint-batcher';
import { CALL_CHANNEL, CHANGE_CHANNEL, createCallHandler, type CallHandlerOptions } from './hall-ipc';
import { isTrustedSender } from './window-policy';

export interface HallIpc {
  /** Call once the core is open: subscribes to its change hints. */
  attach(core: Core): void;
  dispose(): void;
}

export function registerHallIpc(opts: CallHandlerOptions): HallIpc {
  const handler = createCallHandler(opts);
  ipcMain.handle(CALL_CHANNEL, (event, proc: unknown, input: unknown, flags: unknown) =>
    handler(event, proc, input, flags),
  );

  const batcher = createHintBatcher((hints: ChangeHint[]) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const wc = win.webContents;
      // Only our own pages hear about changes.
      if (wc.isDestroyed() || !isTrustedSender(wc.mainFrame)) continue;
      for (const h of hints) wc.send(CHANGE_CHANNEL, h);
    }
  });
  let unsubscribe: (() => void) | null = null;
  return {
    attach(core) {
      unsubscribe?.();
      unsubscribe = core.onChange((h) => batcher.push(h));
    },
    dispose() {
      unsubscribe?.();
      unsubscribe = null;
      batcher.close();
      ipcMain.removeHandler(CALL_CHANNEL);
    },
  };
}
