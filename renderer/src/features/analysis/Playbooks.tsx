/**
 * 季节预案: the playbooks running today (watch categories, threshold, checklist) above the charts —
 * on the wall too, since 分析研判 is in its carousel — and, for an admin, the dialog that edits them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisPlaybooks } from '../../../../shared/contract/index';
import type { Playbook } from '../../../../shared/features/analysis/playbooks';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { DialogHead } from '../../platform/ui/DialogHead';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { useReference } from '../reference';

export function PlaybookStrip({ data, canEdit }: { data: AnalysisPlaybooks; canEdit: boolean }) {
  const { t } = useTranslation();
  const ref = useReference();
  const [editing, setEditing] = useState(false);
  const active = data.all.filter((p) => data.active.includes(p.id));
  return (
    <div className="an-playbooks" data-testid="playbook-strip" data-active={data.active.join(',')}>
      {active.length === 0 ? (
        <span className="an-sub">{t('analysis.playbook.none')}</span>
      ) : (
        active.map((p) => (
          <div key={p.id} className="an-playbook" data-testid={`playbook-${p.id}`}>
            <strong>
              {t('analysis.playbook.running', {
                name: p.name,
                when: p.kind === 'holiday' ? (data.holiday ?? '') : `${p.start ?? ''} — ${p.end ?? ''}`,
              })}
            </strong>
            <span className="an-sub">
              {t('analysis.playbook.watch', {
                cats: p.watch.map((c) => ref.categoryPath(c)).join('、'),
                ratio: p.threshold,
              })}
            </span>
            <ol className="an-checklist">
              {p.checklist.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ol>
          </div>
        ))
      )}
      {canEdit && (
        <button type="button" className="btn" data-testid="playbook-edit" onClick={() => setEditing(true)}>
          {t('analysis.playbook.edit')}
        </button>
      )}
      {editing && <PlaybookDialog all={data.all} onClose={() => setEditing(false)} />}
    </div>
  );
}

function PlaybookDialog({ all, onClose }: { all: readonly Playbook[]; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const save = useMutation('analysis.savePlaybook');
  const [id, setId] = useState<Playbook['id']>(all[0]?.id ?? 'heating');
  const current = all.find((p) => p.id === id);
  const [draft, setDraft] = useState(() => toDraft(current));
  const pick = (next: Playbook['id']) => {
    setId(next);
    setDraft(toDraft(all.find((p) => p.id === next)));
    save.reset();
  };
  const submit = () => {
    if (!current) return;
    const playbook: Playbook = {
      ...current,
      name: draft.name,
      start: current.kind === 'season' ? draft.start : null,
      end: current.kind === 'season' ? draft.end : null,
      watch: draft.watch
        .split(/[\s,，、]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      threshold: Number(draft.threshold),
      checklist: draft.checklist
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    };
    save.run({ playbook }).then(onClose, () => undefined);
  };
  return (
    <dialog ref={dialog} className="an-dialog" aria-labelledby="playbook-dialog-title" onCancel={onClose}>
      <DialogHead
        id="playbook-dialog"
        title={t('analysis.playbook.title')}
        hint={t('analysis.playbook.hint')}
        closeLabel={t('analysis.playbook.close')}
        onClose={onClose}
      />
      <form
        className="an-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          {t('analysis.playbook.which')}
          <select
            value={id}
            onChange={(e) => pick(e.target.value as Playbook['id'])}
            data-testid="playbook-which"
          >
            {all.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('analysis.playbook.name')}
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        {current?.kind === 'season' && (
          <>
            <label>
              {t('analysis.playbook.start')}
              <input
                value={draft.start}
                data-testid="playbook-start"
                onChange={(e) => setDraft({ ...draft, start: e.target.value })}
              />
            </label>
            <label>
              {t('analysis.playbook.end')}
              <input value={draft.end} onChange={(e) => setDraft({ ...draft, end: e.target.value })} />
            </label>
          </>
        )}
        <label>
          {t('analysis.playbook.watchCodes')}
          <input value={draft.watch} onChange={(e) => setDraft({ ...draft, watch: e.target.value })} />
        </label>
        <label>
          {t('analysis.playbook.threshold')}
          <input
            type="number"
            step="0.1"
            min="1"
            max="10"
            value={draft.threshold}
            onChange={(e) => setDraft({ ...draft, threshold: e.target.value })}
          />
        </label>
        <label>
          {t('analysis.playbook.checklist')}
          <textarea
            rows={6}
            value={draft.checklist}
            data-testid="playbook-checklist"
            onChange={(e) => setDraft({ ...draft, checklist: e.target.value })}
          />
        </label>
        {save.error && (
          <p className="error-box" role="alert" data-testid="playbook-error">
            {errorText(save.error, t)}
          </p>
        )}
        <button type="submit" className="btn primary" disabled={save.busy} data-testid="playbook-save">
          {t('analysis.playbook.save')}
        </button>
      </form>
    </dialog>
  );
}

function toDraft(p: Playbook | undefined) {
  return {
    name: p?.name ?? '',
    start: p?.start ?? '',
    end: p?.end ?? '',
    watch: (p?.watch ?? []).join(', '),
    threshold: String(p?.threshold ?? 1.5),
    checklist: (p?.checklist ?? []).join('\n'),
  };
}
