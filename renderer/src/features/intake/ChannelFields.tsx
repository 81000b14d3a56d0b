/**
 * The channel (渠道) and the fields only it asks: 12345 — the upstream number and deadline; a
 * call or visit taken on behalf of a caller — name, phone, anonymous, call-back consent; a grid
 * report — the grid worker who reported it; an IoT alarm — the device.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../../shared/features/reference/contract';
import { CHANNELS, type IntakeChannel, type IntakeDraft } from './intake-draft';
import { channelNeeds, type IntakeField } from './intake-payload';

type Errors = Partial<Record<IntakeField, string>>;

export function Field({
  label,
  error,
  className,
  children,
}: {
  readonly label: string;
  readonly error: string | undefined;
  readonly className?: string;
  readonly children: (ids: { readonly input: string; readonly error: string }) => ReactNode;
}) {
  const id = useId();
  const ids = { input: `${id}-input`, error: `${id}-error` };
  return (
    <div className={`intake-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={ids.input}>{label}</label>
      {children(ids)}
      <span className="field-error" id={ids.error} role={error ? 'alert' : undefined}>
        {error ?? ''}
      </span>
    </div>
  );
}

export function ChannelPicker({
  value,
  onChange,
}: {
  readonly value: IntakeChannel;
  readonly onChange: (c: IntakeChannel) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="intake-channels" data-testid="intake-channel">
      <legend>{t('intake.field.channel')}</legend>
      {CHANNELS.map((c) => (
        <label
          key={c}
          className={`chip chip-lg${value === c ? ' on' : ''}`}
          title={t(`intake.channelHint.${c}`)}
        >
          <input
            type="radio"
            name="channel"
            value={c}
            checked={value === c}
            data-testid={`intake-channel-${c}`}
            onChange={() => onChange(c)}
          />
          {t(`intake.channel.${c}`)}
        </label>
      ))}
    </fieldset>
  );
}

export interface ChannelFieldsProps {
  readonly draft: IntakeDraft;
  readonly set: (patch: Partial<IntakeDraft>) => void;
  readonly errors: Errors;
  /** Grid workers, those of the order's grid first. */
  readonly workers: { readonly local: readonly PersonRef[]; readonly others: readonly PersonRef[] };
  readonly gridName: (code: string | null) => string;
}

export function ChannelFields({ draft, set, errors, workers, gridName }: ChannelFieldsProps) {
  const { t } = useTranslation();
  const needs = channelNeeds(draft.channel);
  const anonymous = needs.anonymousAllowed && draft.anonymous;
  const text = (
    field: 'upstreamId' | 'citizenName' | 'citizenPhone' | 'deviceId',
    testId: string,
    maxLength: number,
    extra: { type?: string; inputMode?: 'tel'; disabled?: boolean; placeholder?: string } = {},
  ) => (
    <Field label={t(`intake.field.${field}`)} error={errors[field]} className={`f-${field}`}>
      {(ids) => (
        <input
          id={ids.input}
          name={field}
          data-testid={testId}
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          autoComplete="off"
          maxLength={maxLength}
          placeholder={extra.placeholder}
          disabled={extra.disabled}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={ids.error}
          value={draft[field]}
          onChange={(e) => set({ [field]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <div className="intake-channel-fields" data-testid={`intake-fields-${draft.channel}`}>
      {needs.upstream && (
        <>
          {text('upstreamId', 'intake-upstream-id', 64, { placeholder: t('intake.placeholder.upstreamId') })}
          <Field
            label={t('intake.field.upstreamDeadline')}
            error={errors.upstreamDeadline}
            className="f-deadline"
          >
            {(ids) => (
              <input
                id={ids.input}
                name="upstreamDeadline"
                data-testid="intake-upstream-deadline"
                type="datetime-local"
                aria-invalid={errors.upstreamDeadline ? true : undefined}
                aria-describedby={ids.error}
                value={draft.upstreamDeadline}
                onChange={(e) => set({ upstreamDeadline: e.target.value })}
              />
            )}
          </Field>
        </>
      )}
      {needs.caller && (
        <>
          {text('citizenName', 'intake-citizen-name', 50, {
            disabled: anonymous,
            placeholder: needs.caller === 'optional' ? t('intake.placeholder.optional') : undefined,
          })}
          {text('citizenPhone', 'intake-citizen-phone', 20, {
            type: 'tel',
            inputMode: 'tel',
            disabled: anonymous,
            placeholder: needs.caller === 'optional' ? t('intake.placeholder.optional') : undefined,
          })}
          <div className="intake-checks">
            {needs.anonymousAllowed && (
              <label className="check">
                <input
                  type="checkbox"
                  name="anonymous"
                  data-testid="intake-anonymous"
                  checked={draft.anonymous}
                  onChange={(e) => set({ anonymous: e.target.checked })}
                />
                {t('intake.field.anonymous')}
              </label>
            )}
            <label className="check">
              <input
                type="checkbox"
                name="callbackConsent"
                data-testid="intake-consent"
                checked={!anonymous && draft.callbackConsent}
                disabled={anonymous}
                onChange={(e) => set({ callbackConsent: e.target.checked })}
              />
              {t('intake.field.callbackConsent')}
            </label>
            {anonymous && <span className="muted small">{t('intake.anonymousHint')}</span>}
          </div>
        </>
      )}
      {needs.reporter && (
        <Field label={t('intake.field.reporterId')} error={errors.reporterId} className="f-reporter">
          {(ids) => (
            <select
              id={ids.input}
              name="reporterId"
              data-testid="intake-reporter"
              aria-invalid={errors.reporterId ? true : undefined}
              aria-describedby={ids.error}
              value={draft.reporterId}
              onChange={(e) => set({ reporterId: e.target.value })}
            >
              <option value="">{t('intake.placeholder.reporter')}</option>
              {workers.local.length > 0 && (
                <optgroup label={t('intake.reporterLocal')}>
                  {workers.local.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} · {gridName(p.gridCode)}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup
                label={workers.local.length > 0 ? t('intake.reporterOthers') : t('intake.reporterAll')}
              >
                {workers.others.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} · {gridName(p.gridCode)}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
      )}
      {needs.device &&
        text('deviceId', 'intake-device', 64, { placeholder: t('intake.placeholder.deviceId') })}
      {!needs.upstream && !needs.caller && !needs.reporter && !needs.device && (
        <p className="muted intake-channel-note">{t(`intake.channelHint.${draft.channel}`)}</p>
      )}
    </div>
  );
}
