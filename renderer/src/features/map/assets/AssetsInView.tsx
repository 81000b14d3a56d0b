/**
 * Asks the core for the assets in the view's box (assets.inBox) and hands them to the map.
 * Mounted only while the 部件 layer is on and the map is zoomed in far enough; a change hint
 * (map.changed, orders.changed) refreshes the answer like any other query.
 */
import { useEffect } from 'react';
import type { AssetsInBoxView } from '../../../../../shared/features/assets/contract';
import { useQuery } from '../../../platform/api/use-query';
import type { AssetBox } from './asset-data';

export function AssetsInView({
  box,
  onData,
}: {
  readonly box: AssetBox;
  readonly onData: (view: AssetsInBoxView) => void;
}) {
  const q = useQuery('assets.inBox', { ...box, limit: 3000 });
  useEffect(() => {
    if (q.data) onData(q.data);
  }, [q.data, onData]);
  return null;
}
