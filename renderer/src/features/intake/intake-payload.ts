/**
 * From the draft to `orders.create`, pure: what each channel needs, the checks the form makes
 * before anything is sent (each problem names its field and an i18n key), the urgency after the
 * answers' escalations, and where a refusal of the core belongs on the form.
 */
import type { ProcInput } from '../../../../shared/contract/index';
import type { ApiErrorData } from '../../../../shared/kernel/api-error';
import { URGENCIES, type Urgency } from '../../../../shared/features/orders/order';
import { CITIZEN_CHANNELS, type IntakeQuestion } from '../../../../shared/features/reference/catalogue';
import type { PersonRef } from '../../../../shared/features/reference/contract';
import { emergencyOf, isStaffOnly, lineage, questionsOf, type CategoryMap } from './category-search';
import type { IntakeChannel, IntakeDraft } from './intake-draft';

export type IntakeField =
  | 'channel'
  | 'category'
  | 'title'
  | 'description'
  | 'address'
  | 'citizenName'
  | 'citizenPhone'
  | 'upstreamId'
  | 'upstreamDeadline'
  | 'deviceId'
  | 'reporterId'
  | `answers.${string}`;

export interface IntakeProblem {
  readonly field: IntakeField;
  /** i18n key of the message. */
  readonly key: string;
}

/** What a channel asks for besides the common fields. */
export interface ChannelNeeds {
  /** Name, phone, anonymous and call-back consent of the person calling or visiting. */
  readonly caller: 'required' | 'optional' | null;
  readonly anonymousAllowed: boolean;
  readonly upstream: boolean;
  readonly device: boolean;
  readonly reporter: boolean;
}

export function channelNeeds(channel: IntakeChannel): ChannelNeeds {
  switch (channel) {
    case 'walk_in':
      return { caller: 'required', anonymousAllowed: true, upstream: false, device: false, reporter: false };
    case 'hotline':
      return { caller: 'optional', anonymousAllowed: true, upstream: true, device: false, reporter: false };
    case 'volunteer':
      // A resident's service request (居民点单): the volunteer must be able to reach them.
      return { caller: 'required', anonymousAllowed: false, upstream: false, device: false, reporter: false };
    case 'grid':
      return { caller: null, anonymousAllowed: false, upstream: false, device: false, reporter: true };
    case 'iot':
      return { caller: null, anonymousAllowed: false, upstream: false, device: true, reporter: false };
    case 'proactive':
      return { caller: null, anonymousAllowed: false, upstream: false, device: false, reporter: false };
  }
}

export function isCitizenChannel(channel: IntakeChannel): boolean {
  return (CITIZEN_CHANNELS as readonly string[]).includes(channel);
}

/** The phone rule of the core's schema (digits, +, -, spaces; 3–20). */
export const PHONE = /^[0-9+\- ]{3,20}$/;

/**
 * A `datetime-local` value ("2026-12-08T18:00") read as Beijing time, whatever the machine's
 * zone; null when empty or malformed.
 */
export function beijingLocalToEpoch(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi) - 8 * 3_600_000;
  // 2026-02-31 would roll over into March: refuse it instead.
  if (new Date(ms + 8 * 3_600_000).getUTCDate() !== d) return null;
  return ms;
}

/** The other way: epoch ms → a `datetime-local` value in Beijing time. */
export function epochToBeijingLocal(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
}

export interface Escalation {
  readonly question: IntakeQuestion;
  readonly urgency: Urgency;
}

export interface UrgencyView {
  /** The category's default, or the officer's choice. */
  readonly base: Urgency;
  /** After the answers (what the core will store). */
  readonly effective: Urgency;
  /** The answers that raised it, most urgent first. */
  readonly escalations: readonly Escalation[];
}

const rank = (u: Urgency) => URGENCIES.indexOf(u);

export function urgencyOf(
  cats: CategoryMap,
  d: Pick<IntakeDraft, 'categoryCode' | 'urgency' | 'answers'>,
): UrgencyView {
  const leaf = d.categoryCode ? cats.get(d.categoryCode) : undefined;
  const base = d.urgency ?? leaf?.defaultUrgency ?? 'P2';
  const escalations: Escalation[] = [];
  for (const q of questionsOf(cats, d.categoryCode)) {
    if (
      q.escalate &&
      (d.answers[q.id] ?? '').trim() === q.escalate.answer &&
      rank(q.escalate.urgency) < rank(base)
    )
      escalations.push({ question: q, urgency: q.escalate.urgency });
  }
  escalations.sort((a, b) => rank(a.urgency) - rank(b.urgency));
  return { base, effective: escalations[0]?.urgency ?? base, escalations };
}

/** "垂杨柳东里3号楼楼道灯不亮": the title the form suggests (and uses when left empty). */
export function suggestedTitle(cats: CategoryMap, d: Pick<IntakeDraft, 'categoryCode' | 'address'>): string {
  const leaf = d.categoryCode ? cats.get(d.categoryCode) : undefined;
  if (!leaf) return '';
  const where = d.address.trim().slice(0, 60);
  return `${where}${leaf.name}`.slice(0, 200);
}

export interface PayloadContext {
  readonly cats: CategoryMap;
  /** The codes the channel offers (staff-only ones are missing on citizen channels). */
  readonly offered: ReadonlySet<string>;
  /** The grid workers the reporter is picked from. */
  readonly gridWorkers: readonly PersonRef[];
  readonly now: number;
}

export type CreateInput = ProcInput<'orders.create'>;

export type BuildResult =
  | { readonly ok: true; readonly input: CreateInput }
  | { readonly ok: false; readonly problems: readonly IntakeProblem[]; readonly emergency: boolean };

/** Every problem of the draft, in form order (the first one gets focus), or the call's input. */
export function buildCreateInput(d: IntakeDraft, ctx: PayloadContext): BuildResult {
  const problems: IntakeProblem[] = [];
  const add = (field: IntakeField, key: string) => problems.push({ field, key });
  const needs = channelNeeds(d.channel);
  const { cats } = ctx;

  // Channel-specific fields come first on the form.
  if (needs.upstream) {
    if (d.upstreamId.trim() === '') add('upstreamId', 'intake.problem.needUpstreamId');
    else if (!/^[A-Za-z0-9_.:@-]{1,64}$/.test(d.upstreamId.trim()))
      add('upstreamId', 'intake.problem.upstreamIdFormat');
    if (d.upstreamDeadline !== '') {
      const at = beijingLocalToEpoch(d.upstreamDeadline);
      if (at === null) add('upstreamDeadline', 'intake.problem.deadlineFormat');
      else if (at <= ctx.now) add('upstreamDeadline', 'intake.problem.deadlinePast');
    }
  }
  const anonymous = needs.anonymousAllowed && d.anonymous;
  const name = d.citizenName.trim();
  const phone = d.citizenPhone.trim();
  if (needs.caller && !anonymous) {
    const required = needs.caller === 'required';
    if (name === '' && (required || phone !== '')) add('citizenName', 'intake.problem.needName');
    if (phone === '' && (required || name !== '')) add('citizenPhone', 'intake.problem.needPhone');
    else if (phone !== '' && !PHONE.test(phone)) add('citizenPhone', 'intake.problem.phoneFormat');
  }
  if (needs.reporter && ctx.gridWorkers.length > 0 && !ctx.gridWorkers.some((p) => p.id === d.reporterId))
    add('reporterId', 'intake.problem.needReporter');
  if (needs.device && d.deviceId.trim() === '') add('deviceId', 'intake.problem.needDevice');

  // The category, its diversion and its questions.
  const leaf = d.categoryCode ? cats.get(d.categoryCode) : undefined;
  const emergency = emergencyOf(cats, d.categoryCode) !== null;
  if (!leaf || leaf.level !== 3) add('category', 'intake.problem.needCategory');
  else if (emergency) add('category', 'intake.problem.emergency');
  else if (!ctx.offered.has(leaf.code) || (isCitizenChannel(d.channel) && isStaffOnly(cats, leaf.code)))
    add('category', 'intake.problem.staffOnly');
  const questions = questionsOf(cats, d.categoryCode);
  // The core asks for required answers except on 12345 orders (upstream sends none); the form agrees.
  if (d.channel !== 'hotline')
    for (const q of questions)
      if (q.required && (d.answers[q.id] ?? '').trim() === '')
        add(`answers.${q.id}`, 'intake.problem.needAnswer');

  if (d.address.trim() === '' && d.point === null && d.communityCode === null)
    add('address', 'intake.problem.needAddress');
  const title = d.title.trim() || suggestedTitle(cats, d);
  if (title === '') add('title', 'intake.problem.needTitle');

  if (problems.length > 0 || !leaf) return { ok: false, problems, emergency };

  const answers: Record<string, string> = {};
  for (const q of questions) {
    const a = (d.answers[q.id] ?? '').trim();
    if (a !== '') answers[q.id] = a;
  }
  const reporter = needs.reporter ? ctx.gridWorkers.find((p) => p.id === d.reporterId) : undefined;
  const description = d.description.trim();
  const citizen = needs.caller && !anonymous && name !== '' && phone !== '' ? { name, phone } : null;
  const input: CreateInput = {
    orderId: d.orderId,
    order: {
      source: d.channel,
      appealType: d.appealType,
      categoryCode: leaf.code,
      // The officer's (or the category's) urgency; the core raises it by the answers as shown.
      urgency: urgencyOf(cats, d).base,
      title,
      description,
      address: d.address.trim(),
      lng: d.point ? d.point[0] : null,
      lat: d.point ? d.point[1] : null,
      // With a point the core finds both; without one, an area chosen from a suggestion.
      communityCode: d.point ? null : d.communityCode,
      gridCode: d.point ? null : d.gridCode,
      citizen,
      ...(needs.caller
        ? { anonymous, callbackConsent: anonymous ? false : citizen !== null && d.callbackConsent }
        : {}),
      upstreamId: needs.upstream ? d.upstreamId.trim() : null,
      upstreamDeadline: needs.upstream && d.upstreamDeadline ? beijingLocalToEpoch(d.upstreamDeadline) : null,
      ...(needs.device ? { deviceId: d.deviceId.trim() } : {}),
      ...(reporter ? { reporterId: reporter.id } : {}),
      ...(Object.keys(answers).length > 0 ? { answers } : {}),
    },
  };
  return { ok: true, input };
}

/** The leaf's lineage codes, nearest first (for a template lookup after saving). */
export function categoryLineageCodes(cats: CategoryMap, code: string): string[] {
  return lineage(cats, code).map((c) => c.code);
}

const FIELD_OF_PATH: readonly (readonly [RegExp, IntakeField])[] = [
  [/^order\.title/, 'title'],
  [/^order\.description/, 'description'],
  [/^order\.(address|lng|lat|communityCode|gridCode)/, 'address'],
  [/^order\.categoryCode/, 'category'],
  [/^order\.citizen\.phone/, 'citizenPhone'],
  [/^order\.citizen/, 'citizenName'],
  [/^order\.upstreamId/, 'upstreamId'],
  [/^order\.upstreamDeadline/, 'upstreamDeadline'],
  [/^order\.deviceId/, 'deviceId'],
  [/^order\.source/, 'channel'],
];

export type RefusalView =
  | { readonly kind: 'emergency'; readonly service: string }
  | { readonly kind: 'field'; readonly field: IntakeField; readonly key: string | null }
  | { readonly kind: 'general' };

/**
 * Where a refusal of `orders.create` shows, by its reason: the diversion notice, next to a field
 * (with the form's own sentence when it has one, else the core's), or the general error line.
 */
export function refusalView(err: Pick<ApiErrorData, 'reason' | 'field' | 'params'>): RefusalView {
  if (err.reason === 'emergency_category')
    return { kind: 'emergency', service: String(err.params?.service ?? '') };
  if (err.reason === 'staff_only_category')
    return { kind: 'field', field: 'category', key: 'intake.problem.staffOnly' };
  const path = err.field ?? '';
  const answer = /^order\.answers\.(.+)$/.exec(path);
  if (answer) return { kind: 'field', field: `answers.${answer[1] ?? ''}`, key: 'intake.problem.needAnswer' };
  if (err.reason === 'unknown_reference' && /^order\.categoryCode/.test(path))
    return { kind: 'field', field: 'category', key: 'intake.problem.unknownCategory' };
  for (const [re, field] of FIELD_OF_PATH) if (re.test(path)) return { kind: 'field', field, key: null };
  return { kind: 'general' };
}
