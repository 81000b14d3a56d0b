import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../features/auth';
import { DutyStatus } from '../features/duty';
import { useWall } from '../features/wall';
import { SyncDialog, SyncStatusItems } from '../features/sync';
import { useConnectionState } from '../platform/api/connection';
import { useQuery } from '../platform/api/use-query';
import { formatBytes, formatCount } from '../platform/format/numbers';
import { formatClock, formatDate } from '../platform/format/time';
import { useNow } from '../platform/format/use-now';
import { LANGS, setLanguage, type Lang } from '../platform/i18n/index';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const conn = useConnectionState();
  const info = useQuery('system.info', {});
  const now = useNow(1000);
  const d = info.data;
  const auth = useAuth();
  const [syncOpen, setSyncOpen] = useState(false);
  const { wall } = useWall();
  return (
    <footer className="statusbar" role="contentinfo">
      <span className="conn" data-state={conn} data-testid="conn-state" aria-live="polite">
        {t(`status.connection.${conn}`)}
      </span>
      {d && (
        <>
          <span data-testid="store-size">
            {t('status.store')} {formatBytes(d.storeBytes)}
          </span>
          <span data-testid="order-count">{t('status.orders', { n: formatCount(d.orderCount) })}</span>
        </>
      )}
      <SyncStatusItems fallbackPending={d ? d.outboxPending : null} onOpen={() => setSyncOpen(true)} />
      {/* 值班: who is on duty now (issue 15); not on a public wall (names). */}
      {auth && !wall && <DutyStatus role={auth.user.role} />}
      <span className="spacer" />
      <span className="clock" data-testid="clock">
        {t('status.clock')} {formatDate(now)} {formatClock(now)}
      </span>
      <select
        data-testid="lang-select"
        aria-label={t('status.language')}
        value={i18n.language === 'en' ? 'en' : 'zh'}
        onChange={(e) => setLanguage(e.target.value as Lang)}
      >
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
      {syncOpen && auth && <SyncDialog role={auth.user.role} onClose={() => setSyncOpen(false)} />}
    </footer>
  );
}
