/**
 * 分类建议: three chips under the appeal text while it is typed (debounced), each with its
 * confidence and the words that drove it; a click picks the category.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import { useReference } from '../reference';
import { useDebounced } from './use-debounced';
import './triage.css';

export interface SuggestionChipsProps {
  readonly text: string;
  /** The intake channel: staff-only categories are not offered to a citizen channel. */
  readonly source?: string;
  readonly value: string | null;
  readonly onPick: (code: string, name: string) => void;
}

const DEBOUNCE_MS = 300;

export function SuggestionChips(props: SuggestionChipsProps) {
  const text = useDebounced(props.text.trim(), DEBOUNCE_MS);
  if (text.length < 2) return null;
  return <Chips {...props} text={text} />;
}

function Chips({ text, source, value, onPick }: SuggestionChipsProps) {
  const { t } = useTranslation();
  const ref = useReference();
  const q = useQuery('triage.suggest', { text, ...(source ? { source } : {}) });
  const list = q.data?.suggestions ?? [];
  if (q.error) return <div className="triage-suggest muted small">{t('triage.suggest.failed')}</div>;
  if (list.length === 0) return null;
  return (
    <div className="triage-suggest" data-testid="triage-suggestions" aria-label={t('triage.suggest.title')}>
      <span className="triage-suggest-label" title={t('triage.suggest.hint')}>
        {t('triage.suggest.title')}
      </span>
      {list.map((s) => {
        const name = ref.categoryName(s.categoryCode);
        const picked = value === s.categoryCode;
        return (
          <button
            key={s.categoryCode}
            type="button"
            className={`triage-chip${picked ? ' picked' : ''}`}
            data-testid="triage-suggestion"
            data-code={s.categoryCode}
            aria-pressed={picked}
            title={ref.categoryPath(s.categoryCode)}
            onClick={() => onPick(s.categoryCode, name)}
          >
            <span className="triage-chip-name">{name}</span>
            <span className="triage-chip-pct mono">
              {t('triage.suggest.confidence', { pct: Math.round(s.confidence * 100) })}
            </span>
            <span className="triage-chip-words muted" data-testid="triage-suggestion-words">
              {s.words.length
                ? t('triage.suggest.basis', { words: s.words.join('、') })
                : t('triage.suggest.noBasis')}
            </span>
          </button>
        );
      })}
      <span className="triage-suggest-meta muted small">
        {q.data && q.data.learned > 0
          ? t('triage.suggest.learned', { count: q.data.learned })
          : t('triage.suggest.cold')}
      </span>
    </div>
  );
}
