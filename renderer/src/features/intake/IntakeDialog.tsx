/**
 * 受理登记: one form for every intake channel, keyboard-first. Enter submits from any field
 * (Ctrl+Enter inside the description); Esc closes and keeps the draft, which is offered back
 * the next time the form opens (also after a reload). A category that belongs to 110/119/120
 * shows the number and the notice at once and the form saves nothing. After saving, the new
 * order opens on the dispatch desk.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError, errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { formatClock } from '../../platform/format/time';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { useReference } from '../reference';
import { IntakeDuplicates, SuggestionChips } from '../triage';
import { AddressField } from './AddressField';
import { AddressMatchHint, AssetPick } from '../address';
import { CategoryPicker } from './CategoryPicker';
import { categoryMap, emergencyOf, exactCategory, offeredCategories, questionsOf } from './category-search';
import { ChannelFields, ChannelPicker, Field } from './ChannelFields';
import { DraftOffer } from './DraftOffer';
import { EmergencyNotice } from './EmergencyNotice';
import type { IntakeChannel, IntakePreset } from './intake-draft';
import { buildCreateInput, refusalView, suggestedTitle, urgencyOf, type IntakeField } from './intake-payload';
import { LocationPanel } from './LocationPanel';
import { gridPlaces, locate, type Place } from './places';
import { QuestionFields } from './QuestionFields';
import { TriageSelects } from './TriageSelects';
import { isTypingField } from './typing-field';
import { useIntakeDraft } from './use-intake-draft';
import './intake.css';

type Errors = Partial<Record<IntakeField, string>>;

export interface IntakeDialogProps {
  readonly username: string;
  readonly preset: IntakePreset | null;
  readonly onClose: () => void;
  readonly onCreated: (orderId: string) => void;
}

export default function IntakeDialog({ username, preset, onClose, onCreated }: IntakeDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const form = useRef<HTMLFormElement>(null);
  const ref = useReference();
  const snap = ref.snapshot;
  const state = useIntakeDraft(username, preset);
  const { draft, set } = state;
  const create = useMutation('orders.create');
  const act = useMutation('orders.act');
  // 并案 chosen in the 可能重复 box: the new order is merged into it right after it is saved.
  const [mergeInto, setMergeInto] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState('');
  const [refusedService, setRefusedService] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);

  const cats = useMemo(() => categoryMap(snap?.categories ?? []), [snap]);
  const offered = useMemo(
    () => offeredCategories(snap?.categories ?? [], draft.channel),
    [snap, draft.channel],
  );
  const offeredSet = useMemo(() => new Set(offered.map((c) => c.code)), [offered]);
  const places = useMemo(() => (snap ? gridPlaces(snap) : []), [snap]);
  const located = useMemo(
    () =>
      draft.point && snap
        ? locate(snap.grids, snap.communities, draft.point)
        : { communityCode: draft.communityCode, gridCode: draft.gridCode },
    [draft.point, draft.communityCode, draft.gridCode, snap],
  );
  const gridWorkers = useMemo(() => (snap?.people ?? []).filter((p) => p.role === 'grid_worker'), [snap]);
  const workers = useMemo(() => {
    const local = gridWorkers.filter((p) => located.gridCode !== null && p.gridCode === located.gridCode);
    return { local, others: gridWorkers.filter((p) => !local.includes(p)) };
  }, [gridWorkers, located.gridCode]);
  const diversion = emergencyOf(cats, draft.categoryCode);
  // A name typed in full that this channel hides (staff-only on a citizen channel): say why.
  const hiddenMatch =
    draft.categoryCode === null &&
    exactCategory(snap?.categories ?? [], draft.categoryText, { leavesOnly: true }) !== null &&
    exactCategory(offered, draft.categoryText, { leavesOnly: true }) === null;
  const questions = questionsOf(cats, draft.categoryCode);
  const urgency = urgencyOf(cats, draft);
  const titleSuggestion = suggestedTitle(cats, draft);
  const busy = create.busy || act.busy;

  // The first thing to type when the form (or a new draft) opens: the channel's first field,
  // else the category. After the frame: showModal() focuses the dialog's first control.
  // Once per draft: `ready` flips back and forth when the reference is fetched again (a change
  // hint from another desk), and focus must not jump away from what the officer is typing.
  const ready = snap !== undefined && state.phase === 'edit';
  const focusedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || focusedFor.current === draft.orderId) return;
    focusedFor.current = draft.orderId;
    const id = requestAnimationFrame(() => {
      // A frame can come late (a busy machine, the map drawn in software): if the officer is
      // already typing in a field of the form, the focus stays there.
      if (isTypingField<Element>(document.activeElement, form.current)) return;
      form.current
        ?.querySelector<HTMLElement>(
          '.intake-channel-fields input:not([disabled]), .intake-channel-fields select, [name="category"]',
        )
        ?.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [ready, draft.orderId]);

  const clearError = (...fields: IntakeField[]) => {
    if (fields.some((f) => errors[f])) {
      const next = { ...errors };
      for (const f of fields) delete next[f];
      setErrors(next);
    }
  };
  const change = (patch: Parameters<typeof set>[0], ...fields: IntakeField[]) => {
    set(patch);
    clearError(...fields);
    setGeneral('');
  };

  const setChannel = (channel: IntakeChannel) => {
    const now = offeredCategories(snap?.categories ?? [], channel);
    if (draft.categoryCode !== null && !now.some((c) => c.code === draft.categoryCode)) {
      // A staff-only category chosen on a staff channel does not carry over to a citizen one.
      change({ channel, categoryCode: null, categoryText: '', answers: {} }, 'channel');
      setErrors((e) => ({ ...e, category: t('intake.problem.staffOnlyCleared') }));
    } else if (draft.categoryCode === null) {
      // A name typed in full that this channel offers is picked now.
      const exact = exactCategory(now, draft.categoryText, { leavesOnly: true });
      change(exact ? { channel, categoryCode: exact.code } : { channel }, 'channel', 'category');
    } else change({ channel }, 'channel');
    setRefusedService(null);
  };

  const chooseAddress = (p: Place) => {
    if (p.point)
      change({ address: p.address, point: p.point, communityCode: null, gridCode: null }, 'address');
    else if (p.communityCode)
      change(
        { address: p.address, point: null, communityCode: p.communityCode, gridCode: p.gridCode },
        'address',
      );
    else change({ address: p.address }, 'address');
  };

  const focusField = (field: IntakeField) => {
    const name = field === 'category' ? 'category' : field;
    // Only if the focus is still where it was when the form refused: a late frame must not pull
    // the focus back while the officer (or a fast typist's next keystrokes) moved on to the next
    // field — the text would land in the wrong one (seen under load: the phone in the name field).
    const before = document.activeElement;
    requestAnimationFrame(() => {
      if (document.activeElement !== before) return;
      form.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
    });
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || !snap) return;
    const built = buildCreateInput(draft, { cats, offered: offeredSet, gridWorkers, now: Date.now() });
    if (!built.ok) {
      const next: Errors = {};
      for (const p of built.problems) next[p.field] ??= t(p.key);
      setErrors(next);
      setGeneral(built.emergency ? '' : t('intake.problem.summary', { count: built.problems.length }));
      const first = built.problems.find((p) => !(built.emergency && p.field === 'category'));
      if (first) focusField(first.field);
      return;
    }
    setErrors({});
    setGeneral('');
    try {
      const detail = await create.run(built.input);
      if (mergeInto)
        await act
          .run({
            orderId: detail.order.id,
            expectedVersion: detail.order.version,
            action: { type: 'merged', payload: { intoOrderId: mergeInto } },
          })
          .catch(() => undefined); // saved either way; the desk offers 并案 again
      state.done();
      onCreated(detail.order.id);
      onClose();
    } catch (err) {
      const apiErr = asApiError(err);
      const view = refusalView(apiErr);
      if (view.kind === 'emergency') setRefusedService(view.service);
      else if (view.kind === 'field') {
        setErrors({ [view.field]: view.key ? t(view.key) : errorText(apiErr, t) });
        focusField(view.field);
      } else setGeneral(errorText(apiErr, t));
    }
  };

  const onFormKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement) {
      if (!(e.ctrlKey || e.metaKey)) return;
    } else if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
    e.preventDefault();
    void submit();
  };

  const answerErrors: Record<string, string> = {};
  for (const [f, msg] of Object.entries(errors))
    if (f.startsWith('answers.') && msg) answerErrors[f.slice(8)] = msg;
  const blocked = diversion !== null || refusedService !== null;

  return (
    <dialog
      ref={dialog}
      className="modal-dialog intake-dialog"
      aria-labelledby="intake-title"
      data-testid="intake-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // Panel shortcuts (Alt+1…, F1…) must not switch the panel behind the modal.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="intake-head">
        <h2 id="intake-title">{t('intake.title')}</h2>
        <span className="mono muted" data-testid="intake-order-id" title={t('intake.orderIdHint')}>
          {draft.orderId}
        </span>
        <span className="intake-saved muted" role="status" data-testid="intake-saved">
          {state.phase === 'edit' &&
            state.saveState === 'saved' &&
            t('intake.draftSaved', { time: formatClock(draft.savedAt) })}
          {state.saveState === 'failed' && <span className="warn">{t('intake.draftFailed')}</span>}
        </span>
        <span className="muted intake-keys">{t('intake.keys')}</span>
        <button type="button" className="btn" data-testid="intake-close" onClick={onClose}>
          {t('intake.close')}
        </button>
      </div>
      {!snap && <div className="state-box">{ref.snapshot === undefined ? t('app.loading') : ''}</div>}
      {snap && state.phase === 'offer' && (
        <DraftOffer
          draft={draft}
          categoryPath={(c) => ref.categoryPath(c)}
          onResume={state.resume}
          onDiscard={state.discard}
        />
      )}
      {snap && state.phase === 'edit' && (
        <form
          ref={form}
          className="intake-form"
          noValidate
          onSubmit={(e) => void submit(e)}
          onKeyDown={onFormKeyDown}
        >
          <fieldset className="intake-body" disabled={busy}>
            <div className="intake-main">
              <ChannelPicker value={draft.channel} onChange={setChannel} />
              <ChannelFields
                draft={draft}
                set={(patch) => change(patch, ...(Object.keys(patch) as IntakeField[]))}
                errors={errors}
                workers={workers}
                gridName={ref.gridName}
              />
              <div className="intake-row intake-row-cat">
                <CategoryPicker
                  offered={offered}
                  cats={cats}
                  leavesOnly
                  value={draft.categoryCode}
                  text={draft.categoryText}
                  onText={(text) => change({ categoryText: text })}
                  onChoose={(code, text) => {
                    change(
                      {
                        categoryCode: code,
                        categoryText: text,
                        answers: code === draft.categoryCode ? draft.answers : {},
                      },
                      'category',
                    );
                    setRefusedService(null);
                  }}
                  label={t('intake.field.category')}
                  testId="intake-category"
                  name="category"
                  error={errors.category ?? (hiddenMatch ? t('intake.problem.staffOnly') : undefined)}
                />
                <TriageSelects
                  appealType={draft.appealType}
                  urgency={draft.urgency}
                  defaultUrgency={
                    (draft.categoryCode && cats.get(draft.categoryCode)?.defaultUrgency) || 'P2'
                  }
                  onAppealType={(appealType) => change({ appealType })}
                  onUrgency={(urgency) => change({ urgency })}
                />
              </div>
              {diversion && <EmergencyNotice service={diversion.service} notice={diversion.notice} />}
              {!diversion && refusedService && (
                <EmergencyNotice
                  service={refusedService}
                  notice={t('intake.emergency.refused', { service: refusedService })}
                />
              )}
              {!diversion && (
                <QuestionFields
                  questions={questions}
                  answers={draft.answers}
                  onAnswer={(id, answer) =>
                    change({ answers: { ...draft.answers, [id]: answer } }, `answers.${id}`)
                  }
                  errors={answerErrors}
                  requiredApplies={draft.channel !== 'hotline'}
                />
              )}
              <AddressField
                places={places}
                value={draft.address}
                onText={(text) => change({ address: text }, 'address')}
                onChoose={chooseAddress}
                communityName={ref.communityName}
                error={errors.address}
              />
              <AddressMatchHint
                text={draft.address}
                point={draft.point}
                onUse={(pt) => change({ point: pt, communityCode: null, gridCode: null }, 'address')}
              />
              <Field label={t('intake.field.title')} error={errors.title} className="f-title">
                {(ids) => (
                  <input
                    id={ids.input}
                    name="title"
                    data-testid="intake-title"
                    autoComplete="off"
                    maxLength={200}
                    placeholder={
                      titleSuggestion
                        ? t('intake.placeholder.titleSuggested', { title: titleSuggestion })
                        : t('intake.placeholder.title')
                    }
                    aria-invalid={errors.title ? true : undefined}
                    aria-describedby={ids.error}
                    value={draft.title}
                    onChange={(e) => change({ title: e.target.value }, 'title')}
                  />
                )}
              </Field>
              <Field
                label={t('intake.field.description')}
                error={errors.description}
                className="f-description"
              >
                {(ids) => (
                  <textarea
                    id={ids.input}
                    name="description"
                    data-testid="intake-description"
                    rows={4}
                    maxLength={5000}
                    placeholder={t('intake.placeholder.description')}
                    aria-describedby={ids.error}
                    value={draft.description}
                    onChange={(e) => change({ description: e.target.value }, 'description')}
                  />
                )}
              </Field>
              <SuggestionChips
                text={`${draft.title} ${draft.description}`}
                source={draft.channel}
                value={draft.categoryCode}
                onPick={(code, name) => {
                  change(
                    {
                      categoryCode: code,
                      categoryText: name,
                      answers: code === draft.categoryCode ? draft.answers : {},
                    },
                    'category',
                  );
                  setRefusedService(null);
                }}
              />
            </div>
            <aside className="intake-side">
              <LocationPanel
                snapshot={snap}
                point={draft.point}
                located={located}
                hasArea={draft.point === null && draft.communityCode !== null}
                onPick={(pt) => change({ point: pt, communityCode: null, gridCode: null }, 'address')}
                onClear={() => change({ point: null, communityCode: null, gridCode: null })}
                communityName={ref.communityName}
                gridName={ref.gridName}
              />
              <AssetPick
                point={draft.point}
                categoryCode={draft.categoryCode}
                onPick={(a, address) =>
                  change({ point: [a.lng, a.lat], address, communityCode: null, gridCode: null }, 'address')
                }
                onCategory={(code, name) =>
                  change(
                    {
                      categoryCode: code,
                      categoryText: name,
                      answers: code === draft.categoryCode ? draft.answers : {},
                    },
                    'category',
                  )
                }
              />
              <IntakeDuplicates
                point={draft.point}
                communityCode={located.communityCode}
                text={`${draft.title} ${draft.description}`}
                categoryCode={draft.categoryCode}
                address={draft.address}
                mergeInto={mergeInto}
                onMergeInto={setMergeInto}
              />
              {/* A diverted case is not taken in at any urgency. */}
              {!blocked && (
                <div className="intake-summary" data-testid="intake-summary">
                  <span>{t('intake.summary.urgency')}</span>
                  <span className={`pill urg-${urgency.effective}`} data-testid="intake-effective-urgency">
                    {urgency.effective} {t(`urgency.${urgency.effective}`)}
                  </span>
                  {urgency.escalations.map((x) => (
                    <span key={x.question.id} className="muted small">
                      {t('intake.summary.raisedBy', {
                        question: x.question.text,
                        answer: x.question.escalate?.answer ?? '',
                      })}
                    </span>
                  ))}
                </div>
              )}
            </aside>
          </fieldset>
          <div className="intake-foot">
            <div className="auth-error" role="alert" data-testid="intake-error">
              {general}
            </div>
            {confirmClear ? (
              <>
                <span className="muted">{t('intake.clearConfirm')}</span>
                <button
                  type="button"
                  className="btn btn-danger"
                  data-testid="intake-clear-confirm"
                  onClick={() => {
                    setConfirmClear(false);
                    setErrors({});
                    setGeneral('');
                    setRefusedService(null);
                    state.discard();
                  }}
                >
                  {t('intake.clearYes')}
                </button>
                <button type="button" className="btn" onClick={() => setConfirmClear(false)}>
                  {t('intake.cancel')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="btn"
                data-testid="intake-clear"
                onClick={() => setConfirmClear(true)}
              >
                {t('intake.clear')}
              </button>
            )}
            <button
              type="submit"
              className="auth-submit intake-submit"
              data-testid="intake-submit"
              disabled={busy || blocked}
              title={blocked ? t('intake.emergency.blocked') : t('intake.submitHint')}
            >
              {busy ? t('intake.submitting') : blocked ? t('intake.emergency.blocked') : t('intake.submit')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
