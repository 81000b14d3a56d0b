/**
 * The open action's form, under the action bar: the fields the action needs (action-forms.ts),
 * what the decision is about (the request being reviewed, the reply being verified), the core's
 * refusal in plain words, and the stale-save path — 该工单已被他人更新 with 重新载入并重试, the
 * input kept. Keyboard: Enter submits (Ctrl+Enter inside a text area), Esc cancels (the desk).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/contract/index';
import { ActionContext } from './ActionContext';
import { FORMS, type DraftValue, type FieldSpec } from './action-forms';
import { needsConfirmation } from './desk-actions';
import { deskErrorText, isStale } from './desk-errors';
import { MergeTargetPicker } from './MergeTargetPicker';
import { PlacePicker } from './PlacePicker';
import { PhotoField } from './PhotoField';
import { TemplatePicker } from './TemplatePicker';
import { UnitSelect, UnitsPicker } from './UnitFields';
import { useDeskContext, type OpenForm } from './use-desk';

interface Props {
  readonly detail: OrderDetail;
  readonly form: OpenForm;
}

export function ActionForm({ detail, form }: Props) {
  const { t } = useTranslation();
  const desk = useDeskContext();
  const root = useRef<HTMLFormElement>(null);
  const order = detail.order;
  const fields = FORMS[form.action];
  const prefix = `af-${form.action}`;

  // First field focused when the form opens; the first wrong one after a refused submit.
  useEffect(() => {
    root.current?.scrollIntoView({ block: 'nearest' });
    root.current
      ?.querySelector<HTMLElement>('[data-field] input, [data-field] select, [data-field] textarea')
      ?.focus();
  }, [form.seq]);
  useEffect(() => {
    const first = fields.find((f) => form.errors[f.name]);
    if (!first) return;
    root.current
      ?.querySelector<HTMLElement>(
        `[data-field="${first.name}"] input, [data-field="${first.name}"] select, [data-field="${first.name}"] textarea`,
      )
      ?.focus();
    // Only after a refused submit: typing elsewhere must not pull the focus back.
  }, [form.attempt]);

  // Our lock was broken by a commander: the detail names someone else, or nobody, as holder.
  const sawMine = useRef(false);
  const { lockLost } = desk;
  useEffect(() => {
    if (detail.lock?.mine) sawMine.current = true;
    else if (sawMine.current) lockLost();
  }, [detail.lock, lockLost]);

  const set = (name: string, v: DraftValue) => desk.patchDraft({ [name]: v });
  const str = (name: string) => {
    const v = form.draft[name];
    return typeof v === 'string' ? v : '';
  };
  const arr = (name: string) => {
    const v = form.draft[name];
    return Array.isArray(v) ? (v as readonly string[]) : [];
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const el = e.target as HTMLElement;
    const inText = el instanceof HTMLTextAreaElement;
    if (el instanceof HTMLButtonElement) return;
    if (inText && !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    desk.submit();
  };

  const field = (f: FieldSpec): ReactNode => {
    const id = `${prefix}-${f.name}`;
    const err = form.errors[f.name];
    const errId = err ? `${id}-err` : undefined;
    const label = t(`desk.field.${fieldLabelKey(form.action, f.name)}`);
    let control: ReactNode;
    switch (f.kind) {
      case 'text':
        control = (
          <textarea
            id={id}
            data-testid={`field-${f.name}`}
            rows={f.name === 'result' ? 5 : 3}
            maxLength={f.max}
            value={str(f.name)}
            aria-invalid={Boolean(err)}
            aria-describedby={errId}
            onChange={(e) => set(f.name, e.target.value)}
          />
        );
        break;
      case 'unit':
        control = (
          <UnitSelect
            id={id}
            name={f.name}
            from={f.from}
            order={order}
            value={str(f.name)}
            invalid={Boolean(err)}
            {...(errId ? { describedBy: errId } : {})}
            onChange={(v) => set(f.name, v)}
          />
        );
        break;
      case 'units':
        control = (
          <UnitsPicker
            id={id}
            name={f.name}
            value={arr(f.name)}
            exclude={f.exclude ? str(f.exclude) : ''}
            max={f.max}
            invalid={Boolean(err)}
            onChange={(v) => set(f.name, v)}
          />
        );
        break;
      case 'number':
        control = (
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={f.min}
            max={f.max}
            data-testid={`field-${f.name}`}
            value={str(f.name)}
            aria-invalid={Boolean(err)}
            aria-describedby={errId}
            onChange={(e) => set(f.name, e.target.value)}
          />
        );
        break;
      case 'choice':
        control = (
          <div className="choice" role="radiogroup" aria-labelledby={`${id}-label`} id={id}>
            {f.options.map((o) => (
              <label key={o} className={str(f.name) === o ? 'on' : undefined}>
                <input
                  type="radio"
                  name={id}
                  value={o}
                  data-testid={`field-${f.name}-${o}`}
                  checked={str(f.name) === o}
                  onChange={() => set(f.name, o)}
                />
                {t(`desk.option.${o}`)}
              </label>
            ))}
          </div>
        );
        break;
      case 'check':
        control = (
          <label className="check">
            <input
              id={id}
              type="checkbox"
              data-testid={`field-${f.name}`}
              checked={form.draft[f.name] === true}
              onChange={(e) => set(f.name, e.target.checked)}
            />
            {t(`desk.field.${f.name}Hint`)}
          </label>
        );
        break;
      case 'photos':
        control = (
          <PhotoField
            id={id}
            name={f.name}
            value={arr(f.name)}
            onChange={(v) => set(f.name, v)}
            onUploading={desk.setUploading}
          />
        );
        break;
      case 'template':
        control = (
          <TemplatePicker
            id={id}
            categoryCode={order.categoryCode}
            value={str(f.name)}
            onPick={(tplId, body) => desk.patchDraft({ [f.name]: tplId, [f.target]: body })}
          />
        );
        break;
      case 'place':
        control = (
          <PlacePicker
            id={id}
            address={order.address}
            value={str(f.name)}
            invalid={Boolean(err)}
            onChange={(v) => set(f.name, v)}
          />
        );
        break;
      case 'order':
        control = (
          <MergeTargetPicker
            id={id}
            orderId={order.id}
            value={str(f.name)}
            invalid={Boolean(err)}
            onChange={(v) => set(f.name, v)}
          />
        );
        break;
    }
    const grouped = f.kind === 'choice' || f.kind === 'units' || f.kind === 'photos' || f.kind === 'check';
    return (
      <div key={f.name} className={`af-field kind-${f.kind}`} data-field={f.name}>
        {grouped ? (
          <span className="af-label" id={`${id}-label`}>
            {label}
          </span>
        ) : (
          <label className="af-label" htmlFor={id} id={`${id}-label`}>
            {label}
          </label>
        )}
        {control}
        {err && (
          <span className="field-error" id={errId} role="alert" data-testid={`error-${f.name}`}>
            {t(err.key, err.vars ?? {})}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      ref={root}
      className="action-form"
      data-testid="action-form"
      data-action={form.action}
      aria-label={t('desk.form.title', { action: t(`desk.action.${form.action}`), id: order.id })}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        desk.submit();
      }}
      noValidate
    >
      <h3 className="af-title">
        {t('desk.form.title', { action: t(`desk.action.${form.action}`), id: order.id })}
      </h3>
      <ActionContext detail={detail} form={form} />
      {form.lockLost && (
        <div className="banner-warn" role="status" data-testid="lock-lost">
          {t('desk.form.lockLost')}
        </div>
      )}
      <div className="af-fields">{fields.map(field)}</div>
      {form.error && isStale(form.error) && (
        <div className="error-box stale-box" role="alert" data-testid="stale-notice">
          <span>{t('desk.form.stale')}</span>
          <button
            type="button"
            className="btn primary"
            data-testid="stale-retry"
            disabled={form.busy}
            onClick={desk.reloadAndRetry}
          >
            {t('desk.form.reloadRetry')}
          </button>
        </div>
      )}
      {form.error && !isStale(form.error) && (
        <div className="error-box" role="alert" data-testid="action-error">
          {deskErrorText(form.error, t)}
        </div>
      )}
      <div className="af-foot">
        <button
          type="submit"
          className="btn primary"
          data-testid="action-submit"
          disabled={form.busy || form.uploading > 0}
        >
          {form.busy
            ? t('desk.form.sending')
            : needsConfirmation(form.action)
              ? t('desk.form.submitConfirm')
              : t('desk.form.submit')}
        </button>
        <button type="button" className="btn" data-testid="action-cancel" onClick={desk.cancel}>
          {t('desk.form.cancel')}
        </button>
        <span className="muted af-keys">{t('desk.form.keys')}</span>
      </div>
    </form>
  );
}

/** Per-action labels where the generic one would be vague (签收单位, 退单单位, 办结答复…). */
function fieldLabelKey(action: string, name: string): string {
  const specific: Record<string, string> = {
    'sign.unitId': 'signUnit',
    'return_request.unitId': 'returnUnit',
    'report_in.unitId': 'reportUnit',
    'transfer.unitId': 'newUnit',
    'verify.note': 'verifyNote',
    'return_review.note': 'decisionNote',
    'extension_review.note': 'decisionNote',
  };
  return specific[`${action}.${name}`] ?? name;
}
