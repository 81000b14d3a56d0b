/**
 * 新建历史分类 for one of the ledger's unknown categories (import.createCategory): the class it
 * belongs under and its name (the ledger's text to begin with). Created, the dialog maps the
 * ledger's text to it. A 历史分类 holds imported history only: no new order can take it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../shared/features/reference/catalogue';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';

export interface HistoryCategoryFormProps {
  /** The ledger's category text. */
  readonly text: string;
  /** The catalogue's second-level classes, with their path. */
  readonly classes: ReadonlyArray<{ readonly code: string; readonly label: string }>;
  readonly onCreated: (category: Category) => void;
  readonly onCancel: () => void;
}

export function HistoryCategoryForm({ text, classes, onCreated, onCancel }: HistoryCategoryFormProps) {
  const { t } = useTranslation();
  const create = useMutation('import.createCategory');
  const [parentCode, setParentCode] = useState('');
  const [name, setName] = useState(text.trim().slice(0, 40));
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (): void => {
    void create.run({ parentCode, name }).then(onCreated, () => undefined);
  };
  return (
    <form
      className="import-newcat"
      data-testid={`import-newcat-form-${text}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Esc closes this form, not the whole dialog.
          e.stopPropagation();
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label>
        {t('ledgerImport.newCategory.parent')}
        <select
          ref={first}
          value={parentCode}
          onChange={(e) => setParentCode(e.target.value)}
          data-testid="import-newcat-parent"
        >
          <option value="">{t('ledgerImport.newCategory.pickParent')}</option>
          {classes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ledgerImport.newCategory.name')}
        <input
          value={name}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
          data-testid="import-newcat-name"
        />
      </label>
      <button
        type="submit"
        className="btn primary small"
        disabled={create.busy}
        data-testid="import-newcat-create"
      >
        {t('ledgerImport.newCategory.create')}
      </button>
      <button type="button" className="btn small" onClick={onCancel}>
        {t('ledgerImport.newCategory.cancel')}
      </button>
      <p className="muted import-newcat-hint">{t('ledgerImport.newCategory.hint')}</p>
      {create.error && (
        <p className="form-error" role="alert" data-testid="import-newcat-error">
          {errorText(create.error, t)}
        </p>
      )}
    </form>
  );
}
