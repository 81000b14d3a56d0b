/** Connection state of the transport, for the status bar. */
import { useSyncExternalStore } from 'react';
import { transport, type ConnectionState } from './transport';

export function useConnectionState(): ConnectionState {
  const t = transport();
  return useSyncExternalStore(
    (cb) => t.onConnection(cb),
    () => t.connection(),
  );
}
