/**
 * 答复模板 in the 办结 form: the templates of the order's category (the most specific first, then
 * the general ones). Picking one fills the reply, which stays editable.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import { deskErrorText } from './desk-errors';

interface Props {
  readonly id: string;
  readonly categoryCode: string;
  readonly value: string;
  readonly onPick: (templateId: string, body: string) => void;
}

export function TemplatePicker({ id, categoryCode, value, onPick }: Props) {
  const { t } = useTranslation();
  const q = useQuery('templates.list', { categoryCode });
  const list = q.data ?? [];
  if (q.error && !q.data)
    return (
      <div className="field-error" data-testid="template-error">
        {deskErrorText(q.error, t)}
      </div>
    );
  return (
    <select
      id={id}
      data-testid="template-picker"
      value={value}
      disabled={list.length === 0}
      onChange={(e) => {
        const tpl = list.find((x) => x.id === e.target.value);
        if (tpl) onPick(tpl.id, tpl.body);
      }}
    >
      <option value="">
        {q.data === undefined
          ? t('app.loading')
          : list.length === 0
            ? t('desk.template.none')
            : t('desk.template.pick', { n: list.length })}
      </option>
      {list.map((tpl) => (
        <option key={tpl.id} value={tpl.id}>
          {tpl.title}
          {tpl.categoryCode === null ? ` · ${t('desk.template.general')}` : ''}
        </option>
      ))}
    </select>
  );
}
