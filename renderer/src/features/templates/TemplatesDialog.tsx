/**
 * 答复模板 (admin): the small knowledge base of 办结 replies per category that duty officers pick
 * on the desk. The list (filterable by text), the create / edit form, and delete with a
 * confirmation. A native modal <dialog>: Esc closes an open confirmation or edit first, then the
 * dialog; focus returns to the header button.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyTemplate } from '../../../../shared/features/templates/contract';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatDateTime } from '../../platform/format/time';
import { ConfirmPanel } from '../../platform/ui/ConfirmPanel';
import { DialogHead } from '../../platform/ui/DialogHead';
import { QueryStatus } from '../../platform/ui/QueryStatus';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { categoryMap, pathOf } from '../intake';
import { useReference } from '../reference';
import { templateRefusal } from './template-form';
import { TemplateForm } from './TemplateForm';
import './templates.css';

type Side =
  | { readonly kind: 'new'; readonly n: number }
  | { readonly kind: 'edit'; readonly row: ReplyTemplate }
  | { readonly kind: 'delete'; readonly row: ReplyTemplate };

export default function TemplatesDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const list = useQuery('templates.list', {});
  const ref = useReference();
  const categories = useMemo(() => ref.snapshot?.categories ?? [], [ref.snapshot]);
  const cats = useMemo(() => categoryMap(categories), [categories]);
  const remove = useMutation('templates.delete');
  const [side, setSide] = useState<Side>({ kind: 'new', n: 0 });
  const [notice, setNotice] = useState('');
  const [filter, setFilter] = useState('');
  const opener = useRef<HTMLElement | null>(null);

  const label = (r: ReplyTemplate) =>
    r.categoryCode ? pathOf(cats, r.categoryCode) : t('templates.generalShort');
  const rows = useMemo(() => {
    const all = [...(list.data ?? [])].sort(
      (a, b) =>
        (a.categoryCode ?? '').localeCompare(b.categoryCode ?? '') || a.title.localeCompare(b.title, 'zh'),
    );
    const q = filter.trim().toLowerCase();
    if (!q) return all;
    return all.filter((r) => `${r.title}\n${r.body}\n${label(r)}`.toLowerCase().includes(q));
    // `label` reads cats and t only.
  }, [list.data, filter, cats, t]);

  const backToNew = (focusBack: boolean) => {
    setSide((s) => ({ kind: 'new', n: (s.kind === 'new' ? s.n : 0) + 1 }));
    remove.reset();
    const el = opener.current;
    opener.current = null;
    if (focusBack) requestAnimationFrame(() => el?.focus());
  };

  const open = (next: Side, from: HTMLElement) => {
    opener.current = from;
    setNotice('');
    remove.reset();
    setSide(next);
  };

  const confirmDelete = async (row: ReplyTemplate) => {
    try {
      const res = await remove.run({ id: row.id });
      setNotice(t(res.deleted ? 'templates.deleted' : 'templates.alreadyGone', { title: row.title }));
      backToNew(false);
    } catch {
      list.refetch();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="modal-dialog templates-dialog"
      aria-labelledby="templates-title"
      data-testid="templates-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (side.kind !== 'new') backToNew(true);
        else onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <DialogHead
        id="templates"
        title={t('templates.title')}
        hint={t('templates.hint')}
        closeLabel={t('templates.close')}
        onClose={onClose}
      />
      <div className="dialog-body">
        <section className="dialog-list" aria-labelledby="templates-list-title">
          <div className="dialog-list-head">
            <h3 id="templates-list-title">{t('templates.listTitle')}</h3>
            {list.data && <span className="muted">{t('templates.count', { count: list.data.length })}</span>}
            <input
              className="templates-filter"
              type="search"
              data-testid="templates-filter"
              aria-label={t('templates.filter')}
              placeholder={t('templates.filter')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <button
              type="button"
              className="btn"
              data-testid="template-new"
              onClick={() => {
                setNotice('');
                backToNew(false);
              }}
            >
              {t('templates.new')}
            </button>
          </div>
          <div className="dialog-notice" role="status" data-testid="templates-notice">
            {notice}
          </div>
          <QueryStatus query={list} failed={t('templates.loadFailed')} />
          {list.data && (
            <div className="dialog-scroll">
              <table className="data-table templates-table" data-testid="templates-table">
                <thead>
                  <tr>
                    <th scope="col">{t('templates.columns.category')}</th>
                    <th scope="col">{t('templates.columns.title')}</th>
                    <th scope="col">{t('templates.columns.body')}</th>
                    <th scope="col">{t('templates.columns.updated')}</th>
                    <th scope="col">{t('templates.columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.length === 0 && (
                    <tr>
                      <td colSpan={5} className="muted">
                        {filter ? t('templates.noMatch') : t('templates.empty')}
                      </td>
                    </tr>
                  )}
                  {rows.map((r) => (
                    <tr
                      key={r.id}
                      data-testid="template-row"
                      data-id={r.id}
                      className={side.kind !== 'new' && side.row.id === r.id ? 'selected' : undefined}
                    >
                      <td className={r.categoryCode ? '' : 'muted'}>{label(r)}</td>
                      <td className="templates-name">{r.title}</td>
                      <td title={r.body}>
                        <div className="templates-excerpt">{r.body}</div>
                      </td>
                      <td className="nowrap muted">
                        {formatDateTime(r.updatedAt)}
                        <br />
                        {r.updatedBy}
                      </td>
                      <td className="dialog-actions">
                        <button
                          type="button"
                          className="btn"
                          data-testid="template-edit"
                          onClick={(e) => open({ kind: 'edit', row: r }, e.currentTarget)}
                        >
                          {t('templates.edit')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-danger"
                          data-testid="template-delete"
                          onClick={(e) => open({ kind: 'delete', row: r }, e.currentTarget)}
                        >
                          {t('templates.delete')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section className="dialog-side">
          {side.kind === 'new' && (
            <TemplateForm
              key={`new-${side.n}`}
              editing={null}
              categories={categories}
              onSaved={(row) => {
                setNotice(t('templates.created', { title: row.title }));
                backToNew(false);
              }}
              onCancel={() => backToNew(true)}
              onGone={() => backToNew(false)}
            />
          )}
          {side.kind === 'edit' && (
            <TemplateForm
              key={`edit-${side.row.id}`}
              editing={side.row}
              categories={categories}
              onSaved={(row) => {
                setNotice(t('templates.saved', { title: row.title }));
                backToNew(true);
              }}
              onCancel={() => backToNew(true)}
              onGone={() => {
                setNotice(t('templates.gone'));
                list.refetch();
                backToNew(false);
              }}
            />
          )}
          {side.kind === 'delete' && (
            <ConfirmPanel
              key={side.row.id}
              id="template-delete"
              title={t('templates.deleteTitle', { title: side.row.title })}
              text={t('templates.deleteConfirm')}
              confirmLabel={t('templates.confirmDelete')}
              cancelLabel={t('templates.cancel')}
              cancelTestId="template-delete-cancel"
              busy={remove.busy}
              error={
                remove.error && templateRefusal(remove.error).kind !== 'gone'
                  ? errorText(remove.error, t)
                  : ''
              }
              onConfirm={() => void confirmDelete(side.row)}
              onCancel={() => backToNew(true)}
            />
          )}
        </section>
      </div>
    </dialog>
  );
}
