/**
 * The ledger's categories the catalogue lacks (from the check): for each, a catalogue category to
 * map it to, or 新建历史分类 (HistoryCategoryForm) which maps it to the category it creates.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnknownText } from '../../../../shared/contract/index';
import { useQuery } from '../../platform/api/use-query';
import { HistoryCategoryForm } from './HistoryCategoryForm';
import { withChoice } from './text-choices';

export interface UnknownCategoriesProps {
  readonly unknown: readonly UnknownText[];
  /** The ledger's text → the catalogue code chosen for it. */
  readonly categoryMap: Readonly<Record<string, string>>;
  readonly onChange: (next: (m: Record<string, string>) => Record<string, string>) => void;
}

export function UnknownCategories({ unknown, categoryMap, onChange }: UnknownCategoriesProps) {
  const { t } = useTranslation();
  const ref = useQuery('reference.snapshot', {});
  const [creatingFor, setCreatingFor] = useState<string | null>(null);
  const options = useMemo(() => {
    const cats = ref.data?.categories ?? [];
    const byCode = new Map(cats.map((c) => [c.code, c]));
    const path = (code: string): string => {
      const c = byCode.get(code);
      if (!c) return code;
      return c.parentCode ? `${path(c.parentCode)} / ${c.name}` : c.name;
    };
    return cats.map((c) => ({
      code: c.code,
      level: c.level,
      label: c.historyOnly ? `${path(c.code)}${t('ledgerImport.newCategory.mark')}` : path(c.code),
    }));
  }, [ref.data, t]);
  // The classes a 历史分类 may be created under: the catalogue's second level.
  const classes = useMemo(() => options.filter((c) => c.level === 2), [options]);
  const map = (text: string, code: string): void => onChange((m) => withChoice(m, text, code));
  return (
    <>
      <h3>{t('ledgerImport.unknownTitle')}</h3>
      <ul className="import-unknown" data-testid="import-unknown">
        {unknown.map((u) => (
          <li key={u.text}>
            <span className="import-unknown-text">{u.text}</span>
            <span className="muted">{t('ledgerImport.unknownRows', { n: u.rows })}</span>
            <select
              data-testid={`import-catmap-${u.text}`}
              aria-label={t('ledgerImport.mapLabel', { text: u.text })}
              value={categoryMap[u.text] ?? ''}
              onChange={(e) => map(u.text, e.target.value)}
            >
              <option value="">{t('ledgerImport.pickCategory')}</option>
              {options.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
            {creatingFor === u.text ? (
              <HistoryCategoryForm
                text={u.text}
                classes={classes}
                onCancel={() => setCreatingFor(null)}
                onCreated={(c) => {
                  map(u.text, c.code);
                  setCreatingFor(null);
                }}
              />
            ) : (
              <button
                type="button"
                className="btn small"
                data-testid={`import-newcat-${u.text}`}
                onClick={() => setCreatingFor(u.text)}
              >
                {t('ledgerImport.newCategory.open')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
