/**
 * The chosen category's intake questions (燃气泄漏: 是否闻到明显的燃气味 …), in the catalogue's
 * order. Yes/no and choice questions are radio groups (arrow keys move between the answers),
 * text questions a line of text. An answer that raises the urgency says so beside it.
 */
import { useTranslation } from 'react-i18next';
import type { IntakeQuestion } from '../../../../shared/features/reference/catalogue';

/** Stored answers of a yes/no question: the words the catalogue's escalations compare with. */
export const YES = '是';
export const NO = '否';

export interface QuestionFieldsProps {
  readonly questions: readonly IntakeQuestion[];
  readonly answers: Readonly<Record<string, string>>;
  readonly onAnswer: (id: string, answer: string) => void;
  readonly errors: Readonly<Record<string, string>>;
  /** Required answers are not asked of 12345 orders (upstream sends none). */
  readonly requiredApplies: boolean;
}

export function QuestionFields({
  questions,
  answers,
  onAnswer,
  errors,
  requiredApplies,
}: QuestionFieldsProps) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <fieldset className="intake-questions" data-testid="intake-questions">
      <legend>{t('intake.questions.title')}</legend>
      {questions.map((q) => {
        const error = errors[q.id];
        const errorId = `intake-q-${q.id}-error`;
        const answer = answers[q.id] ?? '';
        const required = requiredApplies && q.required === true;
        const raises = q.escalate && answer === q.escalate.answer ? q.escalate.urgency : null;
        const choices =
          q.kind === 'yesno'
            ? [
                { value: YES, label: t('intake.questions.yes') },
                { value: NO, label: t('intake.questions.no') },
              ]
            : (q.options ?? []).map((o) => ({ value: o, label: o }));
        return (
          <div
            key={q.id}
            className={`intake-question${error ? ' invalid' : ''}`}
            data-testid={`intake-question-${q.id}`}
            role={q.kind === 'text' ? undefined : 'radiogroup'}
            aria-labelledby={`intake-q-${q.id}`}
            aria-describedby={errorId}
            aria-required={required || undefined}
          >
            <span className="q-text" id={`intake-q-${q.id}`}>
              {q.text}
              {required && (
                <span className="req" aria-hidden="true">
                  {' '}
                  *
                </span>
              )}
            </span>
            {q.kind === 'text' ? (
              <input
                name={`answers.${q.id}`}
                aria-labelledby={`intake-q-${q.id}`}
                aria-invalid={error ? true : undefined}
                maxLength={500}
                value={answer}
                onChange={(e) => onAnswer(q.id, e.target.value)}
              />
            ) : (
              <span className="q-choices">
                {choices.map((c, i) => (
                  <label key={c.value} className={`chip${answer === c.value ? ' on' : ''}`}>
                    <input
                      type="radio"
                      // The first radio carries the name the form focuses on a problem.
                      name={`answers.${q.id}`}
                      value={c.value}
                      checked={answer === c.value}
                      data-first={i === 0 || undefined}
                      onChange={() => onAnswer(q.id, c.value)}
                    />
                    {c.label}
                  </label>
                ))}
              </span>
            )}
            {raises && (
              <span className={`pill urg-${raises}`} data-testid={`intake-question-${q.id}-raises`}>
                {t('intake.questions.raises', { urgency: t(`urgency.${raises}`) })}
              </span>
            )}
            <span className="field-error" id={errorId} role={error ? 'alert' : undefined}>
              {error ?? ''}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
