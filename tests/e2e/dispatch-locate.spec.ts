/**
 * 定位 (issue 13): an order that came with an address and no point (a 12345 request without
 * coordinates, or a call about a place not yet found) waits in 待受理; the duty officer finds
 * the place by part of its name, picks it, and the order moves to 待派单 with its community and
 * grid.
 */
import { expect, test } from '@playwright/test';
import {
  api,
  createOrder,
  detail,
  OFFICER,
  openOrder,
  shots,
  signedInPage,
  submitAndApply,
  withDeskAccounts,
} from './dispatch-helpers';

withDeskAccounts();

test('an order without a place is placed from the desk and leaves 待受理', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, OFFICER);
  const places = await api<Array<{ name: string; kind: string; communityCode: string | null }>>(
    page.request,
    'reference.places',
    { q: '号楼', limit: 5 },
  );
  const place = places.find((p) => p.kind === 'building' && p.communityCode !== null);
  if (!place) throw new Error('the demo street has no numbered building');
  const token = `定位${Date.now().toString(36)}`;
  const orderId = await createOrder(page.request, `楼下井盖缺失 ${token}`, {
    lng: null,
    lat: null,
    address: place.name,
  });
  const before = await api<{ counts: Record<string, number> }>(page.request, 'orders.queues', {});
  expect(before.counts.to_accept).toBeGreaterThan(0);

  await openOrder(page, orderId, token);
  await expect(detail(page).getByTestId('detail-fields')).toContainText('待定位');
  // 定位 is the usual next step of an order without a place.
  await detail(page).getByTestId('action-locate').click();
  await expect(page.getByTestId('place-search')).toHaveValue(/\S/);
  await page.getByTestId('place-search').fill(place.name.slice(0, 6));
  await page.locator('label', { hasText: place.name }).getByTestId('place-candidate').first().check();
  await shots(page, 'desk-form-locate');
  await submitAndApply(page);
  await expect(detail(page).getByTestId('detail-fields')).not.toContainText('待定位');
  const d = await api<{
    order: { lng: number | null; communityCode: string | null; gridCode: string | null };
  }>(page.request, 'orders.get', { orderId });
  expect(d.order.lng).not.toBeNull();
  expect(d.order.communityCode).toBe(place.communityCode);
  const after = await api<{ counts: Record<string, number> }>(page.request, 'orders.queues', {});
  expect(after.counts.to_accept).toBe((before.counts.to_accept ?? 0) - 1);
  await page.context().close();
});
