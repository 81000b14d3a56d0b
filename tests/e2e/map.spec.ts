/**
 * The awareness map end to end: drawn entirely from the app's own origin (every other request is
 * blocked and none is even attempted), layer toggles, a popup of plain text with a link, a new
 * order appearing without reload, and screenshots at 1080p and 4K.
 */
import { expect, test, type Page } from '@playwright/test';
import type { MapProbe } from '../../renderer/src/features/map/map-probe';
import { ARTIFACTS, api, appUrl, login } from './wall-helpers';

type WithProbe = HTMLElement & { __hallMap: MapProbe };

// Software WebGL on a 2-core machine shared with other runs: a map spec needs more than 60 s.
test.describe.configure({ timeout: 180_000 });

/** Blocks every request that does not go to the app's own host; returns the list of blocked URLs. */
async function offlineOnly(page: Page): Promise<string[]> {
  const own = new URL(appUrl()).host;
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === own || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  return blocked;
}

interface Snap {
  communities: Array<{ centroid: [number, number] }>;
  categories: Array<{ code: string; level: number }>;
}

/** An order at its own spot (other specs put theirs on a community's centroid). */
async function createOrderAt(page: Page, title: string): Promise<{ id: string; at: [number, number] }> {
  const snap = await api<Snap>(page, 'reference.snapshot', {});
  const [lng, lat] = snap.communities[1]?.centroid ?? [116.4, 39.9];
  const at: [number, number] = [lng + 0.00037, lat - 0.00021];
  const id = `e2e-map-${Date.now()}`;
  await api(page, 'orders.create', {
    orderId: id,
    order: {
      source: 'hotline',
      appealType: 'help',
      categoryCode: snap.categories.find((c) => c.level === 3)?.code ?? '01',
      // P2: a P0 would also raise the alarm panel's sound and banner, which is not what this tests.
      urgency: 'P2',
      title,
      lng: at[0],
      lat: at[1],
    },
  });
  return { id, at };
}

const canvas = (page: Page) => page.getByTestId('awareness-map').locator('.awareness-map-canvas');

type NoArg = 'idle' | 'basemapFeatures' | 'orderCount' | 'renderedOrders' | 'zoom';

/** Calls one argument-less method of the map's probe inside the page. */
async function probe<K extends NoArg>(page: Page, method: K): Promise<ReturnType<MapProbe[K]>> {
  return canvas(page).evaluate(
    // Before the map exists there is no probe yet: null, and the poll tries again.
    (el, m) => ((el as Partial<WithProbe>).__hallMap?.[m as NoArg]() ?? null) as ReturnType<MapProbe[K]>,
    method as string,
  );
}

async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  await expect(canvas(page)).toBeVisible();
  await expect.poll(() => probe(page, 'basemapFeatures'), { timeout }).toBeGreaterThan(50);
  await expect.poll(() => probe(page, 'orderCount'), { timeout }).toBeGreaterThan(0);
  await expect.poll(() => probe(page, 'idle'), { timeout }).toBe(true);
}

test('the map renders fully offline: basemap tiles from the app itself, no outside request', async ({
  page,
}) => {
  const blocked = await offlineOnly(page);
  const tiles: number[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/basemap/')) tiles.push(r.status());
  });
  await login(page);
  await waitForMap(page);
  expect(tiles.filter((s) => s === 200).length).toBeGreaterThan(0);
  expect(tiles.every((s) => s === 200 || s === 204)).toBe(true);
  expect(blocked).toEqual([]);
  // The legend names every layer group; totals show open / overdue / closed.
  await expect(page.getByTestId('map-legend')).toContainText('在办工单');
  await expect(page.getByTestId('map-totals')).toContainText('在办');
  await page.screenshot({ path: `${ARTIFACTS}map-1080.png` });
});

test('layer toggles hide and show orders (keyboard)', async ({ page }) => {
  await offlineOnly(page);
  await login(page);
  await waitForMap(page);
  await expect.poll(() => probe(page, 'renderedOrders')).toBeGreaterThan(0);
  const toggle = page.getByTestId('map-toggle-orders');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).not.toBeChecked();
  await expect.poll(() => probe(page, 'renderedOrders')).toBe(0);
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await expect.poll(() => probe(page, 'renderedOrders')).toBeGreaterThan(0);
});

test('a new order appears on the map without reload; its popup is text with a link', async ({ page }) => {
  await offlineOnly(page);
  await login(page);
  await waitForMap(page);
  // Script-like markup is refused at intake (shared/features/orders/safe-text.ts); other markup
  // may still arrive in a title and must be shown as text.
  const title = '<marquee>滚动</marquee>地图测试工单';
  const { id, at } = await createOrderAt(page, title);
  await expect
    .poll(() => canvas(page).evaluate((el, orderId) => (el as WithProbe).__hallMap.hasOrder(orderId), id), {
      timeout: 15_000,
    })
    .toBe(true);
  // Zoom in on it until it is a point of its own, then click it.
  await canvas(page).evaluate((el, p) => (el as WithProbe).__hallMap.jumpTo(p[0], p[1], 18.5), at);
  const popup = page.getByTestId('map-popup');
  // Click where the order is drawn until its popup opens (the first frames at the new zoom may
  // still be on their way on a loaded machine).
  await expect(async () => {
    const px = await canvas(page).evaluate((el, orderId) => (el as WithProbe).__hallMap.pixelOf(orderId), id);
    if (!px) throw new Error('order has no position');
    await canvas(page).click({ position: { x: px.x, y: px.y } });
    await expect(popup.first()).toContainText('地图测试工单', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  // The title is shown as text: the markup is visible as characters, nothing was injected.
  await expect(popup.first()).toContainText('<marquee>滚动</marquee>');
  await expect(popup.locator('marquee')).toHaveCount(0);
  // The link is there when the panel passes onOpenOrder (App wires it to the order detail).
  const link = popup.first().getByRole('button', { name: '查看工单' });
  if (await link.count()) await expect(link).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}map-popup.png` });
});

test('4K: the map at 3840×2160', async ({ page }) => {
  // Software WebGL at 4K: give the first frames time.
  test.setTimeout(240_000);
  await offlineOnly(page);
  await page.setViewportSize({ width: 3840, height: 2160 });
  await login(page);
  await expect(canvas(page)).toBeVisible();
  await expect.poll(() => probe(page, 'basemapFeatures'), { timeout: 120_000 }).toBeGreaterThan(50);
  await expect.poll(() => probe(page, 'renderedOrders'), { timeout: 120_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: `${ARTIFACTS}map-2160.png` });
});

test('a window grown to 4K after start-up: labels and points grow with the screen', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page);
  await waitForMap(page);
  const size = (layer: string) =>
    canvas(page).evaluate((el, id) => (el as WithProbe).__hallMap.layoutProperty(id, 'text-size'), layer);
  // Built for 1080p: root font 16 px, scale 1 (map-layers.ts px(), map-style.ts).
  expect(await size('community-labels')).toBe(14);
  expect(await size('bm-road-labels')).toBe(12);
  // A wall PC's window maximised onto a 4K screen: the theme doubles rem, the map follows.
  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect.poll(() => size('community-labels'), { timeout: 60_000 }).toBe(28);
  expect(await size('bm-road-labels')).toBe(24);
  await expect.poll(() => probe(page, 'idle'), { timeout: 120_000 }).toBe(true);
  await page.screenshot({ path: `${ARTIFACTS}map-resized-2160.png` });
});

test('map settings (admin): a bad basemap or jurisdiction file gets a report of what is wrong', async ({
  page,
}) => {
  await offlineOnly(page);
  await login(page);
  await page.getByTestId('map-settings-open').click();
  const dialog = page.getByTestId('map-settings');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('双井街道离线底图');
  await page.getByTestId('map-import-basemap').setInputFiles({
    name: 'broken.pmtiles',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('这不是一个底图文件'.repeat(50)),
  });
  await expect(page.getByTestId('map-basemap-report')).toContainText('既不是 PMTiles');
  await page.getByTestId('map-import-jurisdiction').setInputFiles({
    name: 'jurisdiction.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: '无编码社区', level: 'community' }, geometry: null },
        ],
      }),
    ),
  });
  await dialog.getByRole('button', { name: '仅校验' }).click();
  const report = page.getByTestId('map-jurisdiction-report');
  await expect(report).toContainText('第 1 个要素: 缺少属性 code');
  await expect(report).toContainText('缺少 geometry');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
