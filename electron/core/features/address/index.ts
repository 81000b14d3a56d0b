/**
 * address.*: offline address matching against the street's gazetteer (issue 14 item 4), and
 * 自动定位 of upstream orders without coordinates.
 */
import {
  AUTO_LOCATE_THRESHOLD,
  matchAddress,
  type AddressMatch,
} from '../../../../shared/features/address/match';
import type { Handler } from '../../runtime/context';
import type { HandlerRegistry } from '../../runtime/registry';
import { gazetteer } from './gazetteer';
import { readGeocode } from './queries';

export { gazetteer } from './gazetteer';
export {
  autoLocatePending,
  startAutoLocate,
  autoNote,
  GEOCODER_ACTOR,
  type AutoLocator,
} from './auto-locate';
export { writeGazetteerExtras, type LandmarkRow, type RoadRangeRow } from './queries';

const match: Handler<'address.match'> = (input, _call, env) => ({
  candidates: matchAddress(gazetteer(env.db), input.text, input.limit),
  threshold: AUTO_LOCATE_THRESHOLD,
});

const geocode: Handler<'address.geocode'> = (input, _call, env) => {
  const r = readGeocode(env.db, input.orderId);
  if (!r) return { geocode: null };
  const m = r.matchJson ? (JSON.parse(r.matchJson) as AddressMatch) : null;
  return { geocode: { status: r.status, confidence: r.confidence, match: m, at: r.at } };
};

export function register(registry: HandlerRegistry): void {
  registry.register('address.match', match).register('address.geocode', geocode);
}
