/**
 * The 受理 draft: everything typed into the intake form, kept per user in localStorage until it
 * is submitted or discarded, so a call interrupted by another call (or a reload, or a crash)
 * loses nothing. It carries the order id chosen once for it: submitting twice, or again after a
 * lost answer, names the same order and the core creates it once.
 */
import {
  APPEAL_TYPES,
  URGENCIES,
  type AppealType,
  type Urgency,
} from '../../../../shared/features/orders/order';
import type { LngLat } from '../../../../shared/features/reference/jurisdiction';

/** The intake channels, in the order the form offers them (社区吹哨 is not an intake channel). */
export const CHANNELS = ['walk_in', 'hotline', 'grid', 'iot', 'proactive', 'volunteer'] as const;
export type IntakeChannel = (typeof CHANNELS)[number];

export interface IntakeDraft {
  readonly v: 1;
  readonly orderId: string;
  /** When it was last changed (epoch ms), shown when the form offers to continue it. */
  readonly savedAt: number;
  readonly channel: IntakeChannel;
  readonly appealType: AppealType;
  readonly categoryCode: string | null;
  /** What is typed in the category box (the chosen leaf's name once one is chosen). */
  readonly categoryText: string;
  /** The officer's choice; null = the category's default (answers may still raise it). */
  readonly urgency: Urgency | null;
  readonly title: string;
  readonly description: string;
  readonly address: string;
  /** A point picked on the map or from a suggestion; null = 待定位 unless an area is set. */
  readonly point: LngLat | null;
  /** An area chosen from a suggestion without a point (a community or grid). */
  readonly communityCode: string | null;
  readonly gridCode: string | null;
  readonly citizenName: string;
  readonly citizenPhone: string;
  readonly anonymous: boolean;
  readonly callbackConsent: boolean;
  readonly upstreamId: string;
  /** `<input type="datetime-local">` value, Beijing time. */
  readonly upstreamDeadline: string;
  readonly deviceId: string;
  /** The grid worker who reported it (a person id of the reference data). */
  readonly reporterId: string;
  readonly answers: Readonly<Record<string, string>>;
}

/** Filled in by the caller of the form (a map alarm: the IoT channel, the device, the point). */
export type IntakePreset = Partial<
  Pick<IntakeDraft, 'channel' | 'deviceId' | 'point' | 'address' | 'title' | 'description' | 'categoryCode'>
>;

const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new order id: `WO` + the Beijing date + `N` + 8 random characters (Crockford base 32), in
 * the SAFE_ID alphabet. `random` gives bytes (crypto.getRandomValues in the app).
 */
export function newOrderId(now: number, random: (n: number) => Uint8Array): string {
  const d = new Date(now + 8 * 3_600_000);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  const bytes = random(8);
  let tail = '';
  for (const b of bytes) tail += ID_ALPHABET[b % 32];
  return `WO${ymd}N${tail}`;
}

export function emptyDraft(orderId: string, now: number, preset: IntakePreset = {}): IntakeDraft {
  return {
    v: 1,
    orderId,
    savedAt: now,
    channel: 'walk_in',
    appealType: 'help',
    categoryCode: null,
    categoryText: '',
    urgency: null,
    title: '',
    description: '',
    address: '',
    point: null,
    communityCode: null,
    gridCode: null,
    citizenName: '',
    citizenPhone: '',
    anonymous: false,
    callbackConsent: true,
    upstreamId: '',
    upstreamDeadline: '',
    deviceId: '',
    reporterId: '',
    answers: {},
    ...preset,
  };
}

/** Whether the officer has typed or chosen anything worth offering back. */
export function draftHasContent(d: IntakeDraft): boolean {
  return (
    d.categoryCode !== null ||
    [
      d.categoryText,
      d.title,
      d.description,
      d.address,
      d.citizenName,
      d.citizenPhone,
      d.upstreamId,
      d.deviceId,
    ].some((s) => s.trim() !== '') ||
    d.point !== null ||
    Object.values(d.answers).some((a) => a.trim() !== '')
  );
}

export function draftKey(username: string): string {
  return `hall.intake.draft.${username}`;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const str = (v: unknown, max: number): string => (isStr(v) ? v.slice(0, max) : '');

function point(v: unknown): LngLat | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [x, y] = v as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? [x, y]
    : null;
}

/**
 * A stored draft read back, every field checked: anything another version (or a hand edit) left
 * there is dropped or defaulted, never trusted. Unreadable → null.
 */
export function parseDraft(raw: string | null): IntakeDraft | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.v !== 1 || !isStr(o.orderId) || !/^[A-Za-z0-9_.:@-]{1,64}$/.test(o.orderId)) return null;
  const answers: Record<string, string> = {};
  if (typeof o.answers === 'object' && o.answers !== null)
    for (const [k, a] of Object.entries(o.answers as Record<string, unknown>).slice(0, 20))
      if (isStr(a)) answers[k.slice(0, 40)] = a.slice(0, 500);
  const base = emptyDraft(o.orderId, typeof o.savedAt === 'number' ? o.savedAt : 0);
  return {
    ...base,
    channel: (CHANNELS as readonly unknown[]).includes(o.channel)
      ? (o.channel as IntakeChannel)
      : base.channel,
    appealType: (APPEAL_TYPES as readonly unknown[]).includes(o.appealType)
      ? (o.appealType as AppealType)
      : base.appealType,
    categoryCode: isStr(o.categoryCode) ? o.categoryCode : null,
    categoryText: str(o.categoryText, 100),
    urgency: (URGENCIES as readonly unknown[]).includes(o.urgency) ? (o.urgency as Urgency) : null,
    title: str(o.title, 200),
    description: str(o.description, 5000),
    address: str(o.address, 300),
    point: point(o.point),
    communityCode: isStr(o.communityCode) ? o.communityCode : null,
    gridCode: isStr(o.gridCode) ? o.gridCode : null,
    citizenName: str(o.citizenName, 50),
    citizenPhone: str(o.citizenPhone, 20),
    anonymous: o.anonymous === true,
    callbackConsent: o.callbackConsent !== false,
    upstreamId: str(o.upstreamId, 64),
    upstreamDeadline: str(o.upstreamDeadline, 16),
    deviceId: str(o.deviceId, 64),
    reporterId: str(o.reporterId, 64),
    answers,
  };
}

/** The parts of Storage the draft uses (tests pass a Map-backed one). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * How long a draft is offered back: a shift and then some. An older one (yesterday's call) is
 * dropped when read, so a caller's name and phone do not linger in the browser.
 */
export const DRAFT_MAX_AGE_MS = 24 * 3_600_000;

export function loadDraft(
  storage: DraftStorage | null,
  username: string,
  now = Date.now(),
): IntakeDraft | null {
  try {
    const d = parseDraft(storage?.getItem(draftKey(username)) ?? null);
    if (d && now - d.savedAt > DRAFT_MAX_AGE_MS) {
      clearDraft(storage, username);
      return null;
    }
    return d;
  } catch {
    return null;
  }
}

/** Saves the draft; false when the browser refuses (private mode, full): the form says so. */
export function saveDraft(storage: DraftStorage | null, username: string, d: IntakeDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(draftKey(username), JSON.stringify(d));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | null, username: string): void {
  try {
    storage?.removeItem(draftKey(username));
  } catch {
    // Nothing to do: the next save overwrites it.
  }
}
