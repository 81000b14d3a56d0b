/**
 * The right-hand side of 答复模板: the form that creates a template or edits one (category or
 * 通用, name, reply text). The delete confirmation is the platform's ConfirmPanel.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyTemplate } from '../../../../shared/features/templates/contract';
import type { Category } from '../../../../shared/features/reference/catalogue';
import { asApiError, errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { CategoryPicker, categoryMap } from '../intake';
import { BODY_MAX, TITLE_MAX, checkTemplate, templateRefusal, type TemplateField } from './template-form';

type Errors = Partial<Record<TemplateField, string>>;

export interface TemplateFormProps {
  /** null: a new template. */
  readonly editing: ReplyTemplate | null;
  readonly categories: readonly Category[];
  readonly onSaved: (t: ReplyTemplate, created: boolean) => void;
  readonly onCancel: () => void;
  /** The template was deleted by someone else meanwhile. */
  readonly onGone: () => void;
}

export function TemplateForm({ editing, categories, onSaved, onCancel, onGone }: TemplateFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const cats = useMemo(() => categoryMap(categories), [categories]);
  // A reply template answers new orders: a 历史分类 (imported history only) never has one.
  const offered = useMemo(() => categories.filter((c) => !c.historyOnly), [categories]);
  const [general, setGeneral] = useState(editing ? editing.categoryCode === null : false);
  const [categoryCode, setCategoryCode] = useState<string | null>(editing?.categoryCode ?? null);
  const [categoryText, setCategoryText] = useState(
    editing?.categoryCode ? (cats.get(editing.categoryCode)?.name ?? editing.categoryCode) : '',
  );
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [generalError, setGeneralError] = useState('');
  const save = useMutation('templates.save');
  const busy = save.busy;

  useEffect(() => {
    form.current?.querySelector<HTMLElement>(general ? '[name="title"]' : '[name="categoryCode"]')?.focus();
    // Only when the form opens (a new template, or another one to edit), not on every tick.
  }, [editing?.id]);

  const focus = (field: TemplateField) =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const draft = { general, categoryCode: general ? null : categoryCode, title, body };
    const problems = checkTemplate(draft);
    if (problems.length > 0) {
      const next: Errors = {};
      for (const p of problems) next[p.field] ??= t(p.key);
      setErrors(next);
      const first = problems[0];
      if (first) focus(first.field);
      return;
    }
    setErrors({});
    setGeneralError('');
    try {
      const saved = await save.run({
        ...(editing ? { id: editing.id } : {}),
        categoryCode: draft.categoryCode,
        title: title.trim(),
        body: body.trim(),
      });
      onSaved(saved, editing === null);
    } catch (err) {
      const apiErr = asApiError(err);
      const r = templateRefusal(apiErr);
      if (r.kind === 'gone') onGone();
      else if (r.kind === 'field') {
        setErrors({ [r.field]: errorText(apiErr, t) });
        focus(r.field);
      } else setGeneralError(errorText(apiErr, t));
    }
  };

  return (
    <form
      ref={form}
      className="dialog-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="template-form-title"
      data-testid="template-form"
      // Enter in a one-line field submits (the browser's own); Ctrl+Enter in the reply text too.
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target instanceof HTMLTextAreaElement) {
          e.preventDefault();
          form.current?.requestSubmit();
        }
      }}
    >
      <h3 id="template-form-title">
        {editing ? t('templates.editTitle', { title: editing.title }) : t('templates.newTitle')}
      </h3>
      <label className="templates-check">
        <input
          type="checkbox"
          data-testid="template-general"
          checked={general}
          disabled={busy}
          onChange={(e) => {
            setGeneral(e.target.checked);
            setErrors((x) => ({ ...x, categoryCode: undefined }));
          }}
        />
        {t('templates.general')}
      </label>
      {!general && (
        <CategoryPicker
          offered={offered}
          cats={cats}
          leavesOnly={false}
          value={categoryCode}
          text={categoryText}
          onText={setCategoryText}
          onChoose={(code, text) => {
            setCategoryCode(code);
            setCategoryText(text);
            if (code) setErrors((x) => ({ ...x, categoryCode: undefined }));
          }}
          label={t('templates.field.category')}
          testId="template-category"
          name="categoryCode"
          placeholder={t('templates.categoryPlaceholder')}
          error={errors.categoryCode}
          disabled={busy}
        />
      )}
      <div className="templates-field">
        <label htmlFor="template-title-input">{t('templates.field.title')}</label>
        <input
          id="template-title-input"
          name="title"
          data-testid="template-title"
          autoComplete="off"
          maxLength={TITLE_MAX}
          value={title}
          disabled={busy}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby="template-title-error"
          onChange={(e) => {
            setTitle(e.target.value);
            setErrors((x) => ({ ...x, title: undefined }));
          }}
        />
        <span className="field-error" id="template-title-error" role={errors.title ? 'alert' : undefined}>
          {errors.title ?? ''}
        </span>
      </div>
      <div className="templates-field templates-body-field">
        <label htmlFor="template-body-input">
          {t('templates.field.body')}
          <span className="muted templates-count">
            {body.trim().length} / {BODY_MAX}
          </span>
        </label>
        <textarea
          id="template-body-input"
          name="body"
          data-testid="template-body"
          rows={9}
          maxLength={BODY_MAX}
          value={body}
          disabled={busy}
          placeholder={t('templates.bodyPlaceholder')}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby="template-body-error"
          onChange={(e) => {
            setBody(e.target.value);
            setErrors((x) => ({ ...x, body: undefined }));
          }}
        />
        <span className="field-error" id="template-body-error" role={errors.body ? 'alert' : undefined}>
          {errors.body ?? ''}
        </span>
      </div>
      <div className="auth-error" role="alert" data-testid="template-error">
        {generalError}
      </div>
      <div className="dialog-buttons">
        <button type="submit" className="auth-submit" data-testid="template-save" disabled={busy}>
          {busy ? t('auth.working') : editing ? t('templates.saveChanges') : t('templates.create')}
        </button>
        {editing && (
          <button type="button" className="btn" data-testid="template-cancel" onClick={onCancel}>
            {t('templates.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
