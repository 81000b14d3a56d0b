/**
 * The category picker's logic, pure: a category's lineage (what a parent class says applies to
 * its leaves), its emergency diversion, its intake questions, and the search by name, keyword or
 * code over the catalogue a channel may offer. The intake form and the templates editor use it.
 */
import type {
  Category,
  EmergencyService,
  IntakeQuestion,
} from '../../../../shared/features/reference/catalogue';
import { categoriesForChannel } from '../../../../shared/features/reference/catalogue';

export type CategoryMap = ReadonlyMap<string, Category>;

export function categoryMap(categories: readonly Category[]): CategoryMap {
  return new Map(categories.map((c) => [c.code, c]));
}

/** The category and its ancestors, nearest first. */
export function lineage(cats: CategoryMap, code: string): Category[] {
  const out: Category[] = [];
  for (let c = cats.get(code); c; c = c.parentCode ? cats.get(c.parentCode) : undefined) out.push(c);
  return out;
}

/** "住房管理 / 房屋维修 / 楼道灯不亮"; unknown segments stay as their code. */
export function pathOf(cats: CategoryMap, code: string): string {
  return lineage(cats, code)
    .reverse()
    .map((c) => c.name)
    .join(' / ');
}

export interface Diversion {
  readonly service: EmergencyService;
  readonly notice: string;
}

/** Where a category's calls belong instead of the hall (110/119/120), from it or a parent class. */
export function emergencyOf(cats: CategoryMap, code: string | null): Diversion | null {
  if (!code) return null;
  return lineage(cats, code).find((c) => c.emergency)?.emergency ?? null;
}

/** Whether the category (or a parent class) is for staff channels only. */
export function isStaffOnly(cats: CategoryMap, code: string): boolean {
  return lineage(cats, code).some((c) => c.staffOnly === true);
}

/** The questions asked at intake: the parent classes' first, then the leaf's (the core's order). */
export function questionsOf(cats: CategoryMap, code: string | null): IntakeQuestion[] {
  if (!code) return [];
  return lineage(cats, code).flatMap((c) => c.questions ?? []);
}

export interface CategoryHit {
  readonly category: Category;
  /** The full path, for the list. */
  readonly path: string;
  /** Where it belongs instead (shown as a badge before it is chosen). */
  readonly emergency: EmergencyService | null;
  readonly staffOnly: boolean;
}

function hit(cats: CategoryMap, c: Category): CategoryHit {
  return {
    category: c,
    path: pathOf(cats, c.code),
    emergency: emergencyOf(cats, c.code)?.service ?? null,
    staffOnly: isStaffOnly(cats, c.code),
  };
}

/**
 * The categories a channel may offer: staff-only ones (or under a staff-only class) are hidden
 * from the citizen channels. `categoriesForChannel` decides per category; the lineage test
 * here also hides the leaves of a staff-only class.
 */
export function offeredCategories(categories: readonly Category[], channel: string): Category[] {
  const cats = categoryMap(categories);
  const allowed = new Set(categoriesForChannel(categories, channel).map((c) => c.code));
  return categories.filter(
    (c) => allowed.has(c.code) && lineage(cats, c.code).every((a) => allowed.has(a.code)),
  );
}

export interface SearchOptions {
  /** Only leaves can be chosen (an order's category), or any level (a template's). */
  readonly leavesOnly: boolean;
  readonly limit?: number;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * Categories matching the text: by name, keyword, path or code, best first — an exact name, then
 * a name that starts with the text, then a name containing it, then a keyword or the path. An
 * empty text lists nothing (the picker browses level by level instead).
 */
export function searchCategories(
  offered: readonly Category[],
  cats: CategoryMap,
  text: string,
  opts: SearchOptions,
): CategoryHit[] {
  const q = norm(text);
  if (q === '') return [];
  const scored: { c: Category; score: number }[] = [];
  for (const c of offered) {
    if (opts.leavesOnly && c.level !== 3) continue;
    const name = norm(c.name);
    let score = -1;
    if (name === q || c.code === q) score = 0;
    else if (name.startsWith(q) || c.code.startsWith(q)) score = 1;
    else if (name.includes(q)) score = 2;
    else if ((c.keywords ?? []).some((k) => norm(k).includes(q))) score = 3;
    else if (norm(pathOf(cats, c.code)).includes(q)) score = 4;
    if (score >= 0) scored.push({ c, score });
  }
  scored.sort((a, b) => a.score - b.score || a.c.code.localeCompare(b.c.code));
  return scored.slice(0, opts.limit ?? 12).map((s) => hit(cats, s.c));
}

/** The children of a class (or the top classes for null), in code order, for browsing. */
export function childrenOf(
  offered: readonly Category[],
  cats: CategoryMap,
  parent: string | null,
): CategoryHit[] {
  return offered
    .filter((c) => c.parentCode === parent)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => hit(cats, c));
}

/**
 * The category the typed text names on its own: the one offered category (a leaf when
 * `leavesOnly`) whose name or code is exactly the text. Typing (or pasting) a full name picks
 * it without opening the list.
 */
export function exactCategory(
  offered: readonly Category[],
  text: string,
  opts: Pick<SearchOptions, 'leavesOnly'>,
): Category | null {
  const q = norm(text);
  if (q === '') return null;
  const found = offered.filter(
    (c) => (!opts.leavesOnly || c.level === 3) && (norm(c.name) === q || c.code === q),
  );
  return found.length === 1 ? (found[0] ?? null) : null;
}
