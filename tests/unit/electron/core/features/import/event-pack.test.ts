/**
 * The scan thread hands the writer a batch's events as one UTF-8 buffer and their ends
 * (features/import/scan-thread.ts): each event must come back whole, Chinese text, emoji and
 * quotes included, and the pack's buffers must be movable (not views of a shared pool).
 */
import { describe, expect, it } from 'vitest';
import { packEvents, unpackEvent } from '../../../../../../electron/core/features/import/scan-thread';
import type { OrderEvent } from '../../../../../../shared/features/orders/order-events';

function created(i: number, title: string): OrderEvent {
  return {
    id: `imp-${i}:created`,
    orderId: `imp-${i}`,
    type: 'created',
    payload: { title, description: `${title}\n第二行 "引号" \\ 反斜杠`, lng: 116.4 + i / 1000, lat: null },
    actor: 'boss',
    node: 'hall',
    hlc: `0000${i}`,
    at: 1_550_000_000_000 + i,
  } as unknown as OrderEvent;
}

describe('a pack of events', () => {
  it('gives back each event as it was, whatever its characters', () => {
    const events = [
      created(0, '劲松中街25号路灯不亮'),
      created(1, 'a'),
      created(2, '井盖缺失 🚧 危险'),
      created(3, ''),
      created(4, '楼上漏水到我家（3号楼）'),
    ];
    const pack = packEvents(events);
    expect(pack.ends.length).toBe(events.length);
    events.forEach((e, i) => expect(unpackEvent(pack, i)).toEqual(e));
  });

  it('owns its buffers, so that postMessage can move them', () => {
    const pack = packEvents([created(0, '短')]);
    expect(pack.bytes.byteOffset).toBe(0);
    expect(pack.bytes.buffer.byteLength).toBe(pack.bytes.byteLength);
    expect(pack.ends.buffer.byteLength).toBe(pack.ends.byteLength);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(pack, [pack.bytes.buffer as ArrayBuffer, pack.ends.buffer as ArrayBuffer]);
    // Moved: the sender's views are detached.
    expect(pack.bytes.byteLength).toBe(0);
    port1.close();
    port2.close();
  });
});
