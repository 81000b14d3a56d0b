/**
 * The category model of a store, kept per connection (each read-pool worker holds its own) and
 * learned incrementally: every call first adds the orders closed since the model's watermark
 * (at most LEARN_BATCH per call, so a large history is learned over the first calls without a
 * long stall), and a new reference version (a changed catalogue) starts a fresh model. Nothing
 * here writes, so learning never delays a dispatch write.
 */
import { SuggestModel } from '../../../../shared/features/triage/suggest';
import type { ReadableDb } from '../../store/types';
import { referenceIndex } from '../reference';
import { closedSince } from './queries';

export const LEARN_BATCH = 50_000;
/** Catalogue pseudo-documents count as this many orders (measured on the demo, docs/TRIAGE.md). */
export const CATALOGUE_WEIGHT = 10;

interface State {
  readonly refStamp: string;
  readonly model: SuggestModel;
  watermark: number;
}

const cache = new WeakMap<object, State>();

/** The text the model reads of an order: its title and description. */
export function orderText(title: string, description: string): string {
  return `${title} ${description}`;
}

export function storeModel(db: ReadableDb): SuggestModel {
  const ref = referenceIndex(db);
  let st = cache.get(db);
  if (!st || st.refStamp !== ref.stamp) {
    st = {
      refStamp: ref.stamp,
      model: new SuggestModel([...ref.categories.values()], { catalogueWeight: CATALOGUE_WEIGHT }),
      watermark: 0,
    };
    cache.set(db, st);
  }
  const rows = closedSince(db, st.watermark, LEARN_BATCH);
  for (const r of rows) st.model.add(r.categoryCode, orderText(r.title, r.description));
  if (rows.length > 0) st.watermark = rows[rows.length - 1]!.seq;
  return st.model;
}
