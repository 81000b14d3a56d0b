/**
 * A <dialog> shown modal while the component is mounted (focus trapped, Esc closes, the page
 * behind inert), and focus given back to whatever opened it when it goes away.
 */
import { useEffect, useRef } from 'react';

export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
      opener?.focus();
    };
  }, []);
  return dialog;
}
