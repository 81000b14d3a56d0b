/**
 * The ledger's 承办单位 texts that name no unit of the street (from the check): for each, a unit to
 * count its orders under (the three rates per unit, 评估反馈), or none — the text is kept either
 * way. Unlike an unknown category, an unmatched unit refuses nothing.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnknownText } from '../../../../shared/contract/index';
import { useQuery } from '../../platform/api/use-query';
import { withChoice } from './text-choices';

export interface UnknownUnitsProps {
  readonly unknown: readonly UnknownText[];
  /** The ledger's text → the unit id chosen for it. */
  readonly unitMap: Readonly<Record<string, string>>;
  readonly onChange: (next: (m: Record<string, string>) => Record<string, string>) => void;
}

export function UnknownUnits({ unknown, unitMap, onChange }: UnknownUnitsProps) {
  const { t } = useTranslation();
  const ref = useQuery('reference.snapshot', {});
  const units = useMemo(
    () => [...(ref.data?.units ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [ref.data],
  );
  const map = (text: string, id: string): void => onChange((m) => withChoice(m, text, id));
  return (
    <>
      <h3>{t('ledgerImport.unknownUnitsTitle')}</h3>
      <ul className="import-unknown" data-testid="import-unknown-units">
        {unknown.map((u) => (
          <li key={u.text}>
            <span className="import-unknown-text">{u.text}</span>
            <span className="muted">{t('ledgerImport.unknownRows', { n: u.rows })}</span>
            <select
              data-testid={`import-unitmap-${u.text}`}
              aria-label={t('ledgerImport.unitMapLabel', { text: u.text })}
              value={unitMap[u.text] ?? ''}
              onChange={(e) => map(u.text, e.target.value)}
            >
              <option value="">{t('ledgerImport.keepUnitText')}</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </>
  );
}
