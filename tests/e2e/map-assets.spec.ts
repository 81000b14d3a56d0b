/**
 * 城市部件 on the awareness map (issue 14 item 5): the legend's 城市部件 toggle with its zoom rule,
 * the assets drawn once zoomed in (and not after the toggle is turned off), an order filed on an
 * asset ringing it live, a click on the asset opening its card (kind, code, place, the open order
 * 同一部件) and the card's link opening the order on the desk. Screenshots at 1920×1080 and (with
 * HALL_E2E_SHOTS=all) 3840×2160, zoomed in again after each resize.
 */
import { expect, test, type Page } from '@playwright/test';
import type { MapProbe } from '../../renderer/src/features/map/map-probe';
import { ARTIFACTS, api, appUrl, shotSizes } from './app-helpers';
import { loginThroughScreen } from './accounts';

type WithProbe = HTMLElement & { __hallMap: MapProbe };
type Rendered = ReturnType<MapProbe['renderedAssets']>;

// Software WebGL on a 2-core machine shared with other runs.
test.describe.configure({ timeout: 240_000 });

const canvas = (page: Page) => page.getByTestId('awareness-map').locator('.awareness-map-canvas');
const idle = (page: Page) =>
  canvas(page).evaluate((el) => (el as Partial<WithProbe>).__hallMap?.idle() ?? false);
const rendered = (page: Page): Promise<Rendered> =>
  canvas(page).evaluate((el) => (el as Partial<WithProbe>).__hallMap?.renderedAssets() ?? []);
const jump = (page: Page, lng: number, lat: number, zoom: number) =>
  canvas(page).evaluate((el, a) => (el as WithProbe).__hallMap.jumpTo(a[0], a[1], a[2]), [lng, lat, zoom] as [
    number,
    number,
    number,
  ]);

test('city assets: toggle, an order rings its asset live, the card lists it and opens the desk', async ({
  page,
}) => {
  await page.goto(appUrl('?carousel=0#awareness'));
  await loginThroughScreen(page);
  await expect(page.getByTestId('panel-awareness')).toBeVisible();
  const snap = await api<{
    street: { boundary: Array<[number, number]> } | null;
    categories: Array<{ code: string; name: string }>;
  }>(page, 'reference.snapshot', {});
  const ring = snap.street?.boundary ?? [];
  const centre: [number, number] = [
    ring.reduce((s, p) => s + p[0], 0) / ring.length,
    ring.reduce((s, p) => s + p[1], 0) / ring.length,
  ];

  // The legend: the toggle and its rule in words.
  const row = page.getByTestId('map-legend-assets');
  await expect(row).toContainText('城市部件');
  await expect(row).toHaveAttribute('title', /16 级/);
  await expect.poll(() => idle(page), { timeout: 90_000 }).toBe(true);
  // The street as a whole (zoom < 16): no asset drawn, no kinds' key.
  expect(await rendered(page)).toEqual([]);
  await expect(page.getByTestId('map-legend-asset-kinds')).toHaveCount(0);

  // Zoomed in: the assets of the view, with the kinds' key in the legend.
  await jump(page, centre[0], centre[1], 17);
  await expect.poll(async () => (await rendered(page)).length, { timeout: 60_000 }).toBeGreaterThan(3);
  await expect(page.getByTestId('map-legend-asset-kinds')).toContainText('井盖');

  // An asset with no other asset or order near it on screen: the one a report names.
  const all = await rendered(page);
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('the map has no size');
  const target =
    all.find(
      (a) =>
        a.open === 0 &&
        a.x > 80 &&
        a.y > 80 &&
        a.x < box.width - 420 &&
        a.y < box.height - 80 &&
        all.every((b) => b === a || Math.hypot(b.x - a.x, b.y - a.y) > 24),
    ) ?? all[0]!;
  const found = await api<
    Array<{ code: string; name: string; lng: number; lat: number; categoryCodes: string[] }>
  >(page, 'assets.find', { q: target.code });
  const asset = found[0]!;
  const title = `部件测试 ${asset.name}损坏 ${Date.now()}`;
  const created = await api<{ order: { id: string } }>(page, 'orders.create', {
    order: {
      source: 'grid',
      appealType: 'report',
      categoryCode: asset.categoryCodes[0] ?? snap.categories[0]!.code,
      urgency: 'P2',
      title,
      address: `${asset.name}（${asset.code}）`,
      // A few metres aside, so the order's point does not cover the asset's.
      lng: asset.lng + 0.0006,
      lat: asset.lat + 0.0006,
    },
  });
  const orderId = created.order.id;
  // Live: the asset gets its red ring (one open order) without a reload.
  await expect
    .poll(async () => (await rendered(page)).find((a) => a.code === asset.code)?.open, { timeout: 30_000 })
    .toBe(1);

  // The toggle hides the layer and shows it again.
  const toggle = page.getByTestId('map-toggle-assets');
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect.poll(async () => (await rendered(page)).length, { timeout: 30_000 }).toBe(0);
  await toggle.click();
  await expect.poll(async () => (await rendered(page)).length, { timeout: 30_000 }).toBeGreaterThan(3);

  // A click on the asset: its card.
  const at = (await rendered(page)).find((a) => a.code === asset.code)!;
  await canvas(page).click({ position: { x: at.x, y: at.y } });
  const card = page.getByTestId('map-asset-card');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('map-asset-code')).toHaveText(asset.code);
  await expect(card).toContainText(asset.name);
  await expect(card).toContainText('同一部件在办工单 1 件');
  await expect(card.getByTestId('map-asset-order')).toContainText(title);

  for (const [w, h] of shotSizes([
    [1920, 1080],
    [3840, 2160],
  ] as const)) {
    await page.setViewportSize({ width: w, height: h });
    // The map refits the street after a resize: zoom in on the asset again.
    await expect.poll(() => idle(page), { timeout: 60_000 }).toBe(true);
    await jump(page, asset.lng, asset.lat, 17.5);
    await expect
      .poll(async () => (await rendered(page)).some((a) => a.code === asset.code), { timeout: 60_000 })
      .toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}map-assets-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });

  // The card's link opens the order on the desk.
  await card.getByTestId('map-asset-open-order').click();
  const detail = page.getByTestId('order-detail');
  await expect(detail).toHaveAttribute('data-order-id', orderId);
  await expect(detail.locator('h2')).toHaveText(title);
});
