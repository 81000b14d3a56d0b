/**
 * The hub protocol (docs/SYNC.md, docs/openapi/sync.yaml): versions, routes and the shapes of
 * every request and answer, as zod schemas both sides validate with. Pure.
 */
import { z } from 'zod';

/** Bumped on any incompatible change; a hub answers 426 to a hall that speaks another version. */
export const PROTOCOL_VERSION = 1;
/** Every request carries its protocol version in this header. */
export const PROTOCOL_HEADER = 'x-sync-protocol';

export const ROUTES = {
  register: '/v1/register',
  push: '/v1/push',
  pull: '/v1/pull',
  hints: '/v1/hints',
  attachments: '/v1/attachments/',
  info: '/v1/info',
} as const;

/** Node names are also HLC node parts (shared/kernel/hlc.ts). */
const NodeName = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);

/** A node token: `hn_` and 32–128 lower-case hex digits. */
export const NodeToken = z.string().regex(/^hn_[0-9a-f]{32,128}$/);

/**
 * Register a node. With the hub's registration token: a new node name is registered; a name
 * already registered is refused (409 node_taken) unless `token` is that node's current token (a
 * repeated request whose answer was lost). With the node's own current token instead: the
 * token is replaced (rotated) by `token` or a new one. `token` is the node token the hall
 * proposes; without it the hub chooses one.
 */
export const RegisterRequest = z.object({ node: NodeName, token: NodeToken.optional() });
export type RegisterRequest = z.infer<typeof RegisterRequest>;
export interface RegisterResponse {
  readonly node: string;
  /** The per-node bearer token (shown once; the hub keeps only its hash). */
  readonly token: string;
  readonly hubNode: string;
}

/** Largest push batch a hub accepts (events), and a pull batch it serves. */
const MAX_PUSH_EVENTS = 5_000;
export const MAX_PULL_ITEMS = 5_000;
/** A request or answer body above this is refused (bytes). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
export const PushRequest = z.object({
  /**
   * The highest hub sequence the pushing hall had pulled when it made these events: the hub
   * uses it to see which of them were made without knowing a newer change of the same order.
   */
  knownSeq: z.number().int().nonnegative(),
  /** Events are validated one by one (one bad event never refuses its batch). */
  events: z.array(z.unknown()).max(MAX_PUSH_EVENTS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export interface PushRefusal {
  readonly id: string;
  /** Chinese, naming the field or the rule. */
  readonly reason: string;
}
export interface PushConcurrent {
  readonly id: string;
  /** Events of other nodes on the same order the pusher had not seen. */
  readonly with: readonly string[];
}
export interface PushResponse {
  /** Stored now or already known: both leave the outbox (a repeat is acknowledged, never applied twice). */
  readonly acked: readonly string[];
  /** Not stored (invalid, or content the hall does not own); also leave the outbox, listed as conflicts. */
  readonly refused: readonly PushRefusal[];
  readonly concurrent: readonly PushConcurrent[];
  /** The hub's sequence after this push. */
  readonly seq: number;
}

const FEED_KINDS = ['event', 'reference', 'positions'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * One item of the pull feed. `event` is an OrderEvent, `reference` a whole reference-data
 * version, `positions` a batch of field-force position reports (`{reports: FieldReport[]}`, ≤ 500,
 * docs/FIELD.md); all are validated by the receiver (see shared/features/sync/validate-item.ts).
 */
export const FeedItemEnvelope = z.object({
  seq: z.number().int().positive(),
  kind: z.enum(FEED_KINDS),
  body: z.unknown(),
  concurrentWith: z.array(z.string().max(128)).max(50).optional(),
});
export type FeedItemEnvelope = z.infer<typeof FeedItemEnvelope>;

export const PullResponse = z.object({
  items: z.array(z.unknown()).max(MAX_PULL_ITEMS),
  /** The cursor to ask after next time (the last item's seq, or `after` when empty). */
  next: z.number().int().nonnegative(),
  more: z.boolean(),
  hubSeq: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Reference data as the feed carries it: a versioned whole (jurisdiction, units, people, catalogue, responsibility, SLA). */
export const ReferenceBody = z.object({
  version: z.number().int().positive(),
  data: z.looseObject({
    version: z.number().int().positive(),
    street: z.looseObject({ code: z.string().min(1).max(20) }),
    communities: z.array(z.unknown()),
    grids: z.array(z.unknown()),
    buildings: z.array(z.unknown()),
    roads: z.array(z.unknown()),
    units: z.array(z.unknown()),
    people: z.array(z.unknown()),
    partyOrgs: z.array(z.unknown()),
    sites: z.array(z.unknown()),
    categories: z.array(z.looseObject({ code: z.string() })),
    responsibility: z.array(z.unknown()),
    slaPolicy: z.looseObject({ version: z.number().int() }),
  }),
});

/** The hint channel's only message: "something new after seq". */
export interface HintMessage {
  readonly seq: number;
}

export interface InfoResponse {
  readonly protocol: number;
  readonly minProtocol: number;
  readonly hubNode: string;
  readonly seq: number;
}

/** Error body of every non-2xx answer. */
export interface ProtocolErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly hubProtocol?: number };
}

/** Wording of the version mismatch (a newer hub, an older hall or the reverse). */
export function protocolMismatchMessage(hallVersion: string | null, hubVersion: number): string {
  return (
    `同步协议版本不兼容：本中心 ${hallVersion ?? '未声明'}，上级平台 ${hubVersion}，请升级本中心软件。` +
    ` / Sync protocol mismatch: hall speaks ${hallVersion ?? 'none'}, hub speaks ${hubVersion}; upgrade the hall.`
  );
}

/** sha256 hex: the name of an attachment. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** Largest attachment a hub stores. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
