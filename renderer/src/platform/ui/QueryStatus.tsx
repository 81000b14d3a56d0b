/**
 * The states of a list's query beside its content: a failure (with what failed, the reason's
 * sentence and 重试), loading, and an empty answer; nothing while there is data to show.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/kernel/api-error';
import { errorText } from '../api/error-text';

export interface QueryStatusProps {
  /** The query (`useQuery`'s result): its data, its error and how to ask again. */
  readonly query: { readonly data: unknown; readonly error: ApiError | null; readonly refetch: () => void };
  /** What failed, put before the reason ("加载失败"); without it the reason stands alone. */
  readonly failed?: string;
  /** Shown while there is neither data nor an error; `false` shows nothing then. */
  readonly loading?: ReactNode;
  /** Whether the answer is empty (there is data, and nothing in it to show). */
  readonly empty?: boolean;
  readonly emptyText?: ReactNode;
  readonly emptyTestId?: string;
}

export function QueryStatus({
  query,
  failed,
  loading,
  empty = false,
  emptyText,
  emptyTestId,
}: QueryStatusProps) {
  const { t } = useTranslation();
  const hasData = query.data !== undefined && query.data !== null;
  return (
    <>
      {query.error && (
        <div className="error-box" role="alert">
          {failed ? `${failed}：` : ''}
          {errorText(query.error, t)}{' '}
          <button type="button" className="btn" onClick={query.refetch}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {!hasData && !query.error && loading !== false && (
        <div className="state-box">{loading ?? t('app.loading')}</div>
      )}
      {hasData && empty && (
        <div className="state-box" data-testid={emptyTestId}>
          {emptyText}
        </div>
      )}
    </>
  );
}
