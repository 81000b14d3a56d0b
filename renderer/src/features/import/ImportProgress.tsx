/** The running import's progress bar: polls import.progress while import.run is in flight. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../platform/api/client';

export function ImportProgress({ jobId }: { readonly jobId: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState({ done: 0, total: 0 });
  useEffect(() => {
    let stop = false;
    const tick = (): void => {
      call('import.progress', { jobId })
        .then((p) => {
          if (!stop) setDone({ done: p.done, total: p.total ?? 0 });
        })
        .catch(() => undefined);
    };
    const id = window.setInterval(tick, 400);
    tick();
    return () => {
      stop = true;
      window.clearInterval(id);
    };
  }, [jobId]);
  const pct = done.total > 0 ? Math.min(100, Math.round((done.done / done.total) * 100)) : 0;
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <progress max={100} value={pct} />
      <span>{t('ledgerImport.running', { done: done.done, total: done.total })}</span>
    </div>
  );
}
