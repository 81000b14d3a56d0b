import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsDialog } from '../features/accounts';
import { AssetImportButton } from '../features/address';
import { AuditButton } from '../features/audit';
import { JobsButton } from '../features/jobs';
import { ImportButton } from '../features/import';
import { useAuth } from '../features/auth';
import { IntakeButton } from '../features/intake';
import { PartyButton } from '../features/party';
import { TemplatesButton } from '../features/templates';
import { CAROUSEL_CHOICES } from '../features/wall';
import { useQuery } from '../platform/api/use-query';

export interface HeaderProps {
  /** 大屏模式: account buttons and settings are hidden; title, street and 模拟数据 stay. */
  readonly wall: boolean;
  readonly onWall: (on: boolean) => void;
  readonly carouselMs: number;
  readonly onCarouselMs: (ms: number) => void;
  readonly carouselPaused: boolean;
}

export function Header({ wall, onWall, carouselMs, onCarouselMs, carouselPaused }: HeaderProps) {
  const { t } = useTranslation();
  const info = useQuery('system.info', {});
  const ref = useQuery('reference.snapshot', {});
  const street = ref.data?.street;
  const auth = useAuth();
  const [accountsOpen, setAccountsOpen] = useState(false);
  const isAdmin = auth?.user.role === 'admin';
  const choices = CAROUSEL_CHOICES.includes(carouselMs)
    ? CAROUSEL_CHOICES
    : [...CAROUSEL_CHOICES, carouselMs];
  return (
    <header className="header">
      <h1>{t('app.title')}</h1>
      {street && (
        <span className="street" data-testid="street-name">
          {street.city} {street.district} · {street.name}
        </span>
      )}
      {info.data?.demo && (
        <span className="demo-badge" data-testid="demo-badge" title={t('app.demoHint')}>
          {t('app.demo')}
        </span>
      )}
      {wall && carouselPaused && (
        <span className="carousel-paused" data-testid="carousel-paused">
          {t('wall.carouselPaused')}
        </span>
      )}
      {auth && !wall && (
        <div className="header-user" data-testid="header-user">
          {/* 受理 (officers and above, F8) and 答复模板 (admins): each button decides who sees it. */}
          <IntakeButton />
          <TemplatesButton />
          <label className="carousel-select" title={t('wall.modeHint')}>
            {t('wall.carousel')}
            <select
              data-testid="carousel-interval"
              value={carouselMs}
              onChange={(e) => onCarouselMs(Number(e.target.value))}
            >
              {choices.map((ms) => (
                <option key={ms} value={ms}>
                  {ms === 0 ? t('wall.carouselOff') : t('wall.carouselEvery', { n: ms / 1000 })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn"
            data-testid="wall-toggle"
            title={t('wall.modeHint')}
            onClick={() => onWall(true)}
          >
            {t('wall.modeOn')}
          </button>
          <span className="user-name" data-testid="user-name" title={auth.user.username}>
            {auth.user.displayName}
          </span>
          <span className="pill user-role" data-testid="user-role">
            {t(`role.${auth.user.role}`)}
          </span>
          {isAdmin && (
            <button
              type="button"
              className="btn"
              data-testid="open-accounts"
              aria-haspopup="dialog"
              title={t('accounts.openHint')}
              onClick={() => setAccountsOpen(true)}
            >
              {t('accounts.open')}
            </button>
          )}
          {/* 审计日志 (admins; red when the hash chain check failed). */}
          <AuditButton />
          {/* 导入台账: history from Excel/CSV (commanders and admins, issue 14). */}
          <ImportButton />
          {/* 部件导入: 城市部件 from CSV/GeoJSON (admins, issue 14 item 5). */}
          <AssetImportButton />
          {/* 导出任务: background exports, progress, cancel, download (issue 16). */}
          <JobsButton />
          {/* 党群: volunteer dispatch, 积分, branches and stations (issue 15). */}
          <PartyButton />
          {auth.session && (
            <button type="button" className="btn" data-testid="logout" onClick={() => void auth.logout()}>
              {t('auth.logout')}
            </button>
          )}
        </div>
      )}
      {auth && !wall && isAdmin && accountsOpen && (
        <AccountsDialog currentUser={auth.user.username} onClose={() => setAccountsOpen(false)} />
      )}
    </header>
  );
}
