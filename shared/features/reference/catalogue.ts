/** Three-level category catalogue and the responsibility list (责任清单 / 派单目录). */
import type { Urgency } from '../orders/order';

/** A question the intake form asks for a category (燃气泄漏: 是否闻到气味 / 是否有人员被困). */
export interface IntakeQuestion {
  /** Stable within the category: the answer is stored under it. */
  readonly id: string;
  readonly text: string;
  readonly kind: 'yesno' | 'choice' | 'text';
  /** The choices of a `choice` question. */
  readonly options?: readonly string[];
  readonly required?: boolean;
  /** This answer raises the order's urgency (someone trapped → P0). */
  readonly escalate?: { readonly answer: string; readonly urgency: Urgency };
}

/** Emergency services the hall does not handle: the caller is sent there before anything is saved. */
export const EMERGENCY_SERVICES = ['110', '119', '120'] as const;
export type EmergencyService = (typeof EMERGENCY_SERVICES)[number];

export interface Category {
  /** Dotted code: "03", "03.02", "03.02.004". Level = number of segments. */
  readonly code: string;
  readonly name: string;
  readonly level: 1 | 2 | 3;
  readonly parentCode: string | null;
  /** Default urgency for new orders of this leaf category. */
  readonly defaultUrgency: Urgency;
  /** Words a caller uses for it (category suggestion, address-free search). */
  readonly keywords?: readonly string[];
  /** Asked at intake, in order. */
  readonly questions?: readonly IntakeQuestion[];
  /** Belongs to 110 / 119 / 120: the intake form shows the notice and the number and saves nothing. */
  readonly emergency?: { readonly service: EmergencyService; readonly notice: string };
  /** For staff channels only (grid, IoT, proactive): hidden from citizen-facing intake. */
  readonly staffOnly?: boolean;
  /**
   * 历史分类: created by the hall for its imported 台账 (not in the district's catalogue). Counts in
   * statistics of the history; never offered, suggested or accepted for a new order.
   */
  readonly historyOnly?: boolean;
}

/** Channels where a citizen speaks (12345, a call or visit, a resident's service request). */
export const CITIZEN_CHANNELS = ['hotline', 'walk_in', 'volunteer'] as const;

/**
 * The categories an intake channel offers: staff-only ones are hidden from citizen channels, and
 * 历史分类 (imported history only) from every channel.
 */
export function categoriesForChannel<C extends Pick<Category, 'staffOnly' | 'historyOnly'>>(
  categories: readonly C[],
  source: string,
): C[] {
  const citizen = (CITIZEN_CHANNELS as readonly string[]).includes(source);
  return categories.filter((c) => !c.historyOnly && !(citizen && c.staffOnly));
}

/** category × area → unit. The most specific match wins (leaf over parent, community over street). */
export interface ResponsibilityRule {
  readonly id: string;
  /** A category code at any level; matches itself and its descendants. */
  readonly categoryCode: string;
  /** A community code, or null for the whole street. */
  readonly communityCode: string | null;
  readonly unitId: string;
}

/** Find the responsible unit: deepest category prefix first, then community before street-wide. */
export function findResponsibleUnit(
  rules: readonly ResponsibilityRule[],
  categoryCode: string,
  communityCode: string | null,
): ResponsibilityRule | null {
  let best: ResponsibilityRule | null = null;
  let bestScore = -1;
  for (const rule of rules) {
    const catMatch = categoryCode === rule.categoryCode || categoryCode.startsWith(`${rule.categoryCode}.`);
    if (!catMatch) continue;
    if (rule.communityCode !== null && rule.communityCode !== communityCode) continue;
    const score = rule.categoryCode.length * 2 + (rule.communityCode === null ? 0 : 1);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}
