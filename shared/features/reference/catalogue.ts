/** Three-level category catalogue and the responsibility list (责任清单 / 派单目录). */
import type { Urgency } from '../orders/order';

export interface Category {
  /** Dotted code: "03", "03.02", "03.02.004". Level = number of segments. */
  readonly code: string;
  readonly name: string;
  readonly level: 1 | 2 | 3;
  readonly parentCode: string | null;
  /** Default urgency for new orders of this leaf category. */
  readonly defaultUrgency: Urgency;
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
