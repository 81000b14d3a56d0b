/**
 * The desk's working state: the one action form open (with the user's input, the order version
 * it was opened at and its lock), the confirmation asked for a destructive action, and the short
 * notices of what was saved. One form at a time: it holds the order's soft lock.
 *
 * Submitting: a destructive action (CONFIRMED_ACTIONS) asks first and is sent at once; any other
 * goes into the undo window (desk-queue.ts). A failed send gives the form back with the input and
 * the reason; `stale_version` offers 重新载入并重试 (reload the order, send again on its version).
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/contract/index';
import type { ApiError } from '../../../../shared/kernel/api-error';
import { call } from '../../platform/api/client';
import { asApiError } from '../../platform/api/error-text';
import { mutate } from '../../platform/api/use-mutation';
import { buildAction, initialDraft, type Draft, type DraftHints, type FieldError } from './action-forms';
import { EVENT_OF, needsConfirmation, type DeskActionId } from './desk-actions';
import { serverFieldErrors } from './desk-errors';
import { deskQueue, newEventId, type ActInput, type DeskSend } from './desk-queue';
import { holdLock, markLost, releaseLock } from './order-lock';

export interface OpenForm {
  readonly orderId: string;
  readonly orderTitle: string;
  readonly action: DeskActionId;
  readonly draft: Draft;
  /** The order version when the form was opened: a different one at save time is a stale save. */
  readonly baseVersion: number;
  /** This form's hold on the order's lock. */
  readonly owner: symbol;
  /** A new number per opening (the form component's key). */
  readonly seq: number;
  /** Bumped by each submit the checks refused: the form then focuses the first wrong field. */
  readonly attempt: number;
  readonly errors: Readonly<Record<string, FieldError>>;
  /** The core's refusal of the last send. */
  readonly error: ApiError | null;
  readonly busy: boolean;
  /** A commander broke our lock while the form was open. */
  readonly lockLost: boolean;
  /** Photos still uploading: the form cannot be sent yet. */
  readonly uploading: number;
}

export interface ConfirmRequest {
  readonly form: OpenForm;
  readonly input: ActInput;
}

export interface Notice {
  readonly id: number;
  readonly kind: 'saved' | 'undone';
  readonly action: DeskActionId | null;
  readonly orderId: string;
}

export interface Desk {
  readonly form: OpenForm | null;
  readonly confirm: ConfirmRequest | null;
  readonly notices: readonly Notice[];
  /** Why the last attempt to open an action on this order failed (someone holds its lock). */
  readonly barError: { readonly orderId: string; readonly error: ApiError } | null;
  start(detail: OrderDetail, action: DeskActionId, hints?: DraftHints): void;
  /** 推荐派单 one click: 派单 to this unit through the undo window. */
  dispatchTo(detail: OrderDetail, unitId: string): void;
  /** Sets some fields of the open form (merged into its latest input). */
  patchDraft(patch: Draft): void;
  setUploading(n: number): void;
  submit(): void;
  cancel(): void;
  confirmSend(): void;
  cancelConfirm(): void;
  reloadAndRetry(): void;
  /** The detail no longer names us as the lock's holder. */
  lockLost(): void;
  undo(id: string): void;
  /** A failed send: open its order and give its form back. */
  takeBack(id: string): void;
  dismissNotice(id: number): void;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDeskContext(): Desk {
  const d = useContext(DeskContext);
  if (!d) throw new Error('DeskContext missing');
  return d;
}

const NOTICE_MS = 4000;
let noticeSeq = 0;
let formSeq = 0;

export function useDesk(openId: string | null, openOrder: (orderId: string) => void): Desk {
  const { t } = useTranslation();
  const [form, setFormState] = useState<OpenForm | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [barError, setBarError] = useState<Desk['barError']>(null);
  const formRef = useRef<OpenForm | null>(null);
  const setForm = useCallback((next: OpenForm | null) => {
    formRef.current = next;
    setFormState(next);
  }, []);
  /** Changes the form only if it is still the same form (an answer may land after it closed). */
  const patchForm = useCallback(
    (owner: symbol, change: Partial<OpenForm>) => {
      const cur = formRef.current;
      if (cur && cur.owner === owner) setForm({ ...cur, ...change });
    },
    [setForm],
  );

  const notify = useCallback((n: Omit<Notice, 'id'>) => {
    const id = ++noticeSeq;
    setNotices((list) => [...list.slice(-3), { ...n, id }]);
    window.setTimeout(() => setNotices((list) => list.filter((x) => x.id !== id)), NOTICE_MS);
  }, []);

  const closeForm = useCallback(() => {
    const cur = formRef.current;
    if (!cur) return;
    setForm(null);
    releaseLock(cur.orderId, cur.owner);
  }, [setForm]);

  /** Opens a form (with its lock); a refusal of the lock closes it again and says who holds it. */
  const openForm = useCallback(
    (f: Omit<OpenForm, 'owner' | 'seq' | 'attempt' | 'busy' | 'lockLost' | 'uploading'>) => {
      closeForm();
      const owner = Symbol(f.action);
      setForm({ ...f, owner, seq: ++formSeq, attempt: 0, busy: false, lockLost: false, uploading: 0 });
      setBarError(null);
      void holdLock(f.orderId, owner, EVENT_OF[f.action]).then((r) => {
        if (r.status !== 'refused' || formRef.current?.owner !== owner) return;
        setForm(null);
        releaseLock(f.orderId, owner);
        if (r.error) setBarError({ orderId: f.orderId, error: r.error });
      });
      return owner;
    },
    [closeForm, setForm],
  );

  const start = useCallback(
    (detail: OrderDetail, action: DeskActionId, hints: DraftHints = {}) => {
      const cur = formRef.current;
      if (cur && cur.orderId === detail.order.id && cur.action === action) return;
      openForm({
        orderId: detail.order.id,
        orderTitle: detail.order.title,
        action,
        draft: initialDraft(action, detail.order, hints),
        baseVersion: detail.order.version,
        errors: {},
        error: null,
      });
    },
    [openForm],
  );

  /** Sends at once (confirmed actions, reload-and-retry): the form shows busy, then closes or says why. */
  const sendDirect = useCallback(
    (f: OpenForm, input: ActInput) => {
      patchForm(f.owner, { busy: true, error: null, baseVersion: input.expectedVersion });
      mutate('orders.act', input).then(
        () => {
          if (formRef.current?.owner === f.owner) setForm(null);
          releaseLock(f.orderId, f.owner);
          notify({ kind: 'saved', action: f.action, orderId: f.orderId });
        },
        (err: unknown) => {
          const e = asApiError(err);
          patchForm(f.owner, { busy: false, error: e, errors: serverFieldErrors(f.action, e, t) });
        },
      );
    },
    [notify, patchForm, setForm, t],
  );

  const schedule = useCallback((send: DeskSend) => {
    deskQueue.schedule(send.input.eventId, send);
  }, []);

  const submit = useCallback(() => {
    const f = formRef.current;
    if (!f || f.busy || f.uploading > 0) return;
    const built = buildAction(f.action, f.draft);
    if (!built.ok) {
      setForm({ ...f, errors: built.errors, attempt: f.attempt + 1 });
      return;
    }
    const input: ActInput = {
      orderId: f.orderId,
      expectedVersion: f.baseVersion,
      action: built.action,
      eventId: newEventId(),
    };
    if (needsConfirmation(f.action)) {
      setForm({ ...f, errors: {}, error: null });
      setConfirm({ form: { ...f, errors: {}, error: null }, input });
      return;
    }
    // Hand the lock from the form to the waiting send: both hold it for a moment, so it never drops.
    const owner = Symbol('send');
    void holdLock(f.orderId, owner, EVENT_OF[f.action]);
    setForm(null);
    releaseLock(f.orderId, f.owner);
    schedule({
      orderId: f.orderId,
      orderTitle: f.orderTitle,
      deskAction: f.action,
      input,
      draft: f.draft,
      owner,
      oneClick: false,
    });
  }, [schedule, setForm]);

  const dispatchTo = useCallback(
    (detail: OrderDetail, unitId: string) => {
      const o = detail.order;
      const owner = Symbol('send');
      void holdLock(o.id, owner, 'dispatched').then((r) => {
        if (r.status === 'refused') {
          releaseLock(o.id, owner);
          if (r.error) setBarError({ orderId: o.id, error: r.error });
          return;
        }
        schedule({
          orderId: o.id,
          orderTitle: o.title,
          deskAction: 'dispatch',
          input: {
            orderId: o.id,
            expectedVersion: o.version,
            action: { type: 'dispatched', payload: { unitId, coUnitIds: [], note: '' } },
            eventId: newEventId(),
          },
          draft: { ...initialDraft('dispatch', o), unitId },
          owner,
          oneClick: true,
        });
      });
    },
    [schedule],
  );

  const reloadAndRetry = useCallback(() => {
    const f = formRef.current;
    if (!f || f.busy) return;
    const built = buildAction(f.action, f.draft);
    if (!built.ok) {
      setForm({ ...f, errors: built.errors, attempt: f.attempt + 1 });
      return;
    }
    patchForm(f.owner, { busy: true, error: null });
    call('orders.get', { orderId: f.orderId }).then(
      (fresh) =>
        sendDirect(f, {
          orderId: f.orderId,
          expectedVersion: fresh.order.version,
          action: built.action,
          eventId: newEventId(),
        }),
      (err: unknown) => patchForm(f.owner, { busy: false, error: asApiError(err) }),
    );
  }, [patchForm, sendDirect, setForm]);

  /** Gives a send's form back (undone, or failed) with the user's input. */
  const giveBack = useCallback(
    (s: DeskSend, error: ApiError | null) => {
      openForm({
        orderId: s.orderId,
        orderTitle: s.orderTitle,
        action: s.deskAction,
        draft: s.draft,
        baseVersion: s.input.expectedVersion,
        errors: serverFieldErrors(s.deskAction, error, t),
        error,
      });
      releaseLock(s.orderId, s.owner);
    },
    [openForm, t],
  );

  const undo = useCallback(
    (id: string) => {
      const s = deskQueue.undo(id);
      if (!s) return;
      // A form's input comes back to be changed; a one-click 派单 simply did not happen.
      if (!s.oneClick && s.orderId === openId && formRef.current === null) giveBack(s, null);
      else releaseLock(s.orderId, s.owner);
      notify({ kind: 'undone', action: s.deskAction, orderId: s.orderId });
    },
    [giveBack, notify, openId],
  );

  const takeBack = useCallback(
    (id: string) => {
      const e = deskQueue.entries().find((x) => x.id === id);
      if (!e || e.state !== 'failed') return;
      deskQueue.dismiss(id);
      openOrder(e.item.orderId);
      giveBack(e.item, asApiError(e.error));
    },
    [giveBack, openOrder],
  );

  // A send that failed while its order is open comes straight back into the form.
  useEffect(() => {
    const check = () => {
      if (formRef.current !== null) return;
      const failed = deskQueue.entries().find((e) => e.state === 'failed' && e.item.orderId === openId);
      if (failed) takeBack(failed.id);
    };
    check();
    return deskQueue.subscribe(check);
  }, [openId, takeBack]);

  // Another order opened (or the detail closed): the form of the previous one goes, with its lock.
  useEffect(() => {
    const cur = formRef.current;
    if (cur && cur.orderId !== openId) closeForm();
  }, [openId, closeForm]);

  // Leaving the desk: the form's lock is released; what waits in the undo window is sent now.
  useEffect(
    () => () => {
      const cur = formRef.current;
      if (cur) releaseLock(cur.orderId, cur.owner);
      formRef.current = null;
      void deskQueue.flush();
    },
    [],
  );

  /** Changes some fields of the open form's input (the latest input: answers may land late). */
  const patchDraft = useCallback(
    (patch: Draft) => {
      const cur = formRef.current;
      if (!cur) return;
      const draft = { ...cur.draft, ...patch };
      // A field's message goes when that field changes; the others stay until the next submit.
      const changed = (k: string) => draft[k] !== cur.draft[k];
      const errors = Object.fromEntries(
        Object.entries(cur.errors).filter(([k]) => !changed(k) && !(k === 'note' && changed('passed'))),
      );
      setForm({ ...cur, draft, errors });
    },
    [setForm],
  );

  const setUploading = useCallback(
    (n: number) => {
      const cur = formRef.current;
      if (cur && cur.uploading !== n) setForm({ ...cur, uploading: n });
    },
    [setForm],
  );

  const confirmSend = useCallback(() => {
    const c = confirm;
    setConfirm(null);
    if (c) sendDirect(c.form, c.input);
  }, [confirm, sendDirect]);
  const cancelConfirm = useCallback(() => setConfirm(null), []);

  const lockLost = useCallback(() => {
    const cur = formRef.current;
    if (!cur || cur.lockLost) return;
    markLost(cur.orderId);
    setForm({ ...cur, lockLost: true });
  }, [setForm]);

  const dismissNotice = useCallback(
    (id: number) => setNotices((list) => list.filter((x) => x.id !== id)),
    [],
  );

  return {
    form,
    confirm,
    notices,
    barError,
    start,
    dispatchTo,
    patchDraft,
    setUploading,
    submit,
    cancel: closeForm,
    confirmSend,
    cancelConfirm,
    reloadAndRetry,
    lockLost,
    undo,
    takeBack,
    dismissNotice,
  };
}
