/**
 * The party screens beside the tasks: 双报到 members (skills, time slots, community, load, 积分),
 * the 积分 ranking (month / all time) with a member's ledger, and 网格党支部 per grid with the
 * 红色驿站 / 党群服务中心 and their open tasks.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POINTS } from '../../../../shared/features/party/party';
import { useQuery } from '../../platform/api/use-query';
import { formatShortDateTime } from '../../platform/format/time';

function useCommunityName(): (code: string | null) => string {
  const ref = useQuery('reference.snapshot', {});
  const names = new Map((ref.data?.communities ?? []).map((c) => [c.code, c.name]));
  return (code) => (code ? (names.get(code) ?? code) : '—');
}

export function PartyMembers() {
  const { t } = useTranslation();
  const ref = useQuery('reference.snapshot', {});
  const [community, setCommunity] = useState('');
  const [q, setQ] = useState('');
  const members = useQuery('party.members', {
    ...(community ? { communityCode: community } : {}),
    ...(q ? { q } : {}),
  });
  const communityName = useCommunityName();
  return (
    <section className="party-members">
      <div className="party-filters">
        <select
          value={community}
          onChange={(e) => setCommunity(e.target.value)}
          aria-label={t('party.community')}
        >
          <option value="">{t('party.allCommunities')}</option>
          {(ref.data?.communities ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <input
          placeholder={t('party.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="party-member-search"
        />
        <span className="muted">{members.data ? members.data.length : ''}</span>
      </div>
      <div className="party-scroll">
        <table className="party-table" data-testid="party-members">
          <thead>
            <tr>
              <th>{t('party.member')}</th>
              <th>{t('party.community')}</th>
              <th>{t('party.skills')}</th>
              <th>{t('party.slots')}</th>
              <th>{t('party.openTasks')}</th>
              <th>{t('party.points')}</th>
            </tr>
          </thead>
          <tbody>
            {(members.data ?? []).map((m) => (
              <tr key={m.id} data-testid="party-member" data-member={m.id}>
                <td>
                  {m.name}{' '}
                  {m.availableNow && <span className="state-pill on-now">{t('party.availableNow')}</span>}
                </td>
                <td>{communityName(m.communityCode)}</td>
                <td>{m.skills.join('、')}</td>
                <td>
                  {m.slots.length > 0 ? (
                    m.slots.map((s) => t(`party.slot.${s}`)).join('、')
                  ) : (
                    <span className="muted">{t('party.notRegistered')}</span>
                  )}
                </td>
                <td>{m.openTasks}</td>
                <td>
                  {t('party.pointsCell', { total: m.basePoints + m.earnedPoints, earned: m.earnedPoints })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function PartyPoints() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<'month' | 'all'>('month');
  const [memberId, setMemberId] = useState<string | null>(null);
  const ranking = useQuery('party.ranking', { period });
  const ledger = useQuery('party.ledger', memberId ? { memberId } : {});
  const communityName = useCommunityName();
  const rows = ranking.data ?? [];
  return (
    <div className="party-points">
      <section className="party-col">
        <p className="party-rule" data-testid="party-rule">
          {t('party.rule', { rule: t('party.ruleText', POINTS) })}
        </p>
        <div className="party-period" role="tablist">
          {(['month', 'all'] as const).map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={period === p}
              className={period === p ? 'btn small primary' : 'btn small'}
              data-testid={`party-period-${p}`}
              onClick={() => setPeriod(p)}
            >
              {t(`party.${p}`)}
            </button>
          ))}
        </div>
        {ranking.data && rows.length === 0 && <p className="muted">{t('party.noRanking')}</p>}
        <div className="party-scroll">
          <table className="party-table" data-testid="party-ranking" data-period={period}>
            <thead>
              <tr>
                <th>{t('party.rank')}</th>
                <th>{t('party.member')}</th>
                <th>{t('party.community')}</th>
                <th>{t('party.points')}</th>
                <th>{t('party.tasksDone')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.memberId}
                  data-testid="party-rank-row"
                  data-member={r.memberId}
                  aria-selected={r.memberId === memberId}
                  onClick={() => setMemberId(r.memberId)}
                >
                  <td data-testid="party-rank">{r.rank}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => setMemberId(r.memberId)}>
                      {r.name}
                    </button>
                  </td>
                  <td>{communityName(r.communityCode)}</td>
                  <td data-testid="party-rank-points">{r.points}</td>
                  <td>{r.tasks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="party-col" data-testid="party-ledger">
        {!memberId || !ledger.data || ledger.data.memberId === '' ? (
          <p className="muted">{t('party.pickMember')}</p>
        ) : (
          <>
            <h3>{t('party.ledger', { name: ledger.data.name })}</h3>
            <p className="muted">{t('party.ledgerBase', { n: ledger.data.basePoints })}</p>
            {ledger.data.credits.length === 0 && <p className="muted">{t('party.ledgerEmpty')}</p>}
            <ul className="party-ledger">
              {ledger.data.credits.map((c) => (
                <li
                  key={`${c.orderId}:${c.kind}`}
                  data-testid="party-credit"
                  data-assist={c.assist ? '1' : undefined}
                >
                  <span className="party-credit-points">+{c.points}</span>
                  <span>
                    {t(`party.credit.${c.kind}`)}
                    {c.assist ? `（${t('party.assist.tag')}）` : ''}
                  </span>
                  <span className="party-credit-title">{c.title}</span>
                  <span className="muted">{formatShortDateTime(c.at)}</span>
                </li>
              ))}
            </ul>
            {ledger.data.assists.length > 0 && (
              <>
                <h4>{t('party.assist.ledger', { n: ledger.data.assists.length })}</h4>
                <ul className="party-ledger" data-testid="party-assists">
                  {ledger.data.assists.map((a) => (
                    <li key={a.orderId} data-testid="party-assist">
                      <span />
                      <span>{t(`party.status.${a.status}`)}</span>
                      <span className="party-credit-title">{a.title}</span>
                      <span className="muted">{formatShortDateTime(a.addedAt)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}

export function PartyPlaces() {
  const { t } = useTranslation();
  const overview = useQuery('party.overview', {});
  const communityName = useCommunityName();
  const o = overview.data;
  return (
    <div className="party-places">
      <section className="party-col">
        <h3>{t('party.branches')}</h3>
        <div className="party-scroll">
          <table className="party-table" data-testid="party-branches">
            <thead>
              <tr>
                <th>{t('party.branches')}</th>
                <th>{t('party.community')}</th>
                <th>{t('party.secretary')}</th>
                <th>{t('party.memberCount')}</th>
                <th>{t('party.openTasks')}</th>
              </tr>
            </thead>
            <tbody>
              {(o?.branches ?? []).map((b) => (
                <tr key={b.id} data-testid="party-branch">
                  <td>{b.name}</td>
                  <td>{communityName(b.communityCode)}</td>
                  <td>{b.secretary ?? '—'}</td>
                  <td>{b.memberCount}</td>
                  <td>{b.openTasks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="party-col">
        <h3>{t('party.sites')}</h3>
        <ul className="party-sites" data-testid="party-sites">
          {(o?.sites ?? []).map((s) => (
            <li key={s.id} data-testid="party-site" data-kind={s.kind}>
              <div className="party-site-head">
                <strong>{s.name}</strong>
                <span className="muted">{communityName(s.communityCode)}</span>
                <span className="state-pill">{t('party.siteOpen', { n: s.openTasks.length })}</span>
              </div>
              <div className="muted small" data-testid="party-site-services">
                {t('party.hours')}：{s.openingHours} · {t('party.services')}：{s.services.join('、')}
              </div>
              {s.openTasks.length > 0 && (
                <ul className="party-site-tasks">
                  {s.openTasks.map((x) => (
                    <li key={x.orderId}>
                      {x.title} · {t(`party.status.${x.status}`)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
