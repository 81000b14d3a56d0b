/** 诉求类型 and 紧急程度 beside the category: the urgency defaults from the category. */
import { useTranslation } from 'react-i18next';
import {
  APPEAL_TYPES,
  URGENCIES,
  type AppealType,
  type Urgency,
} from '../../../../shared/features/orders/order';
import { Field } from './ChannelFields';

export interface TriageSelectsProps {
  readonly appealType: AppealType;
  /** null = the category's default. */
  readonly urgency: Urgency | null;
  readonly defaultUrgency: Urgency;
  readonly onAppealType: (a: AppealType) => void;
  readonly onUrgency: (u: Urgency | null) => void;
}

export function TriageSelects(p: TriageSelectsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('intake.field.appealType')} error={undefined} className="f-appeal">
        {(ids) => (
          <select
            id={ids.input}
            name="appealType"
            data-testid="intake-appeal-type"
            value={p.appealType}
            onChange={(e) => p.onAppealType(e.target.value as AppealType)}
          >
            {APPEAL_TYPES.map((a) => (
              <option key={a} value={a}>
                {t(`appealType.${a}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('intake.field.urgency')} error={undefined} className="f-urgency">
        {(ids) => (
          <select
            id={ids.input}
            name="urgency"
            data-testid="intake-urgency"
            value={p.urgency ?? ''}
            onChange={(e) => p.onUrgency(e.target.value === '' ? null : (e.target.value as Urgency))}
          >
            <option value="">
              {t('intake.urgencyDefault', { urgency: t(`urgency.${p.defaultUrgency}`) })}
            </option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {u} {t(`urgency.${u}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
