/**
 * 态势感知 live: a new order created over the API reaches the KPI header and the feed without
 * a reload (pushed over the WebSocket); a P0 order raises the alarm, a duty officer
 * acknowledges it and the wall shows who and when.
 */
import { expect, test } from '@playwright/test';
import { api, createOrder, login } from './wall-helpers';

// The map and the panel share two cores with the host: give a loaded machine room.
test.describe.configure({ timeout: 120_000 });

test('live: a new order moves 今日受理, the feed and the map within seconds, no reload', async ({ page }) => {
  // Timestamps taken in the page: when the push (WebSocket message) arrives, and when the KPI
  // text changes, so the figure is push → screen, without the test runner's polling.
  await page.addInitScript(() => {
    type W = Window & { __hintAt?: number };
    const Native = window.WebSocket;
    class Timed extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (ev: MessageEvent) => {
          const w = window as W;
          if (!w.__hintAt && typeof ev.data === 'string' && ev.data.includes('orders.changed'))
            w.__hintAt = performance.now();
        });
      }
    }
    window.WebSocket = Timed;
  });
  await login(page);
  const value = page.getByTestId('kpi-received-value');
  await expect(value).toHaveText(/^\d[\d,]*$/);
  // Live updates of a running wall, not of one still drawing its first map frame (a second or
  // more of the page's main thread without a GPU).
  await expect(page.getByTestId('awareness-map').locator('.awareness-map-canvas')).not.toHaveAttribute(
    'data-pending',
    'true',
    { timeout: 60_000 },
  );
  const before = Number((await value.textContent())?.replace(/,/g, ''));
  await page.evaluate(() => {
    type W = Window & { __hintAt?: number; __kpiAt?: number; __noReload?: boolean };
    const w = window as W;
    // Marks the document: a reload would lose it.
    w.__noReload = true;
    w.__hintAt = 0;
    const el = document.querySelector('[data-testid="kpi-received-value"]');
    const first = el?.textContent;
    if (el)
      new MutationObserver(() => {
        if (!w.__kpiAt && el.textContent !== first) w.__kpiAt = performance.now();
      }).observe(el, { childList: true, characterData: true, subtree: true });
  });
  const title = `端到端实时新工单${Date.now() % 100000}`;
  const t0 = Date.now();
  const orderId = await createOrder(page, { title });
  await expect(value).toHaveText(String(before + 1).replace(/\B(?=(\d{3})+(?!\d))/g, ','), {
    timeout: 20_000,
  });
  const ms = Date.now() - t0;
  const inPage = await page.evaluate(() => {
    const w = window as Window & { __hintAt?: number; __kpiAt?: number };
    return w.__hintAt && w.__kpiAt ? Math.round(w.__kpiAt - w.__hintAt) : -1;
  });
  await expect(page.getByTestId('aw-feed')).toContainText(title);
  // The map shows it too (its test probe: renderer/src/features/map/map-probe.ts).
  await expect
    .poll(
      () =>
        page.evaluate((id) => {
          type Probe = { hasOrder(id: string): boolean };
          for (const el of Array.from(document.querySelectorAll('*'))) {
            const probe = (el as Element & { __hallMap?: Probe }).__hallMap;
            if (probe) return probe.hasOrder(id);
          }
          return null;
        }, orderId),
      { timeout: 20_000 },
    )
    .toBe(true);
  expect(await page.evaluate(() => (window as Window & { __noReload?: boolean }).__noReload)).toBe(true);
  console.log(
    `[awareness] KPI on screen ${ms} ms after orders.create was sent; push → KPI in the page ${inPage} ms`,
  );
});

test('alarm: a P0 order sounds the alarm until acknowledged; who and when are shown', async ({ page }) => {
  await login(page);
  const title = `端到端燃气泄漏告警${Date.now() % 100000}`;
  const orderId = await createOrder(page, { title, urgency: 'P0' });
  const pending = page.locator(`[data-testid="alarm-pending"][data-order="${orderId}"]`);
  await expect(pending).toContainText(title);
  await expect(page.getByTestId('alarm-banner')).toBeVisible();
  await expect(page.getByTestId('alarm-sound')).toContainText('点击启用声音');

  await pending.getByTestId('alarm-ack').click();
  await expect(pending).toHaveCount(0);
  const done = page.locator(`[data-testid="alarm-done"][data-order="${orderId}"]`);
  await expect(done).toContainText(/张伟 于 \d\d:\d\d:\d\d 确认/);

  // Idempotent: acknowledging again keeps the first who/when.
  const first = await api<{ acknowledgedAt: number }>(page, 'awareness.acknowledgeAlarm', { orderId });
  const again = await api<{ acknowledgedAt: number; acknowledgedBy: string }>(
    page,
    'awareness.acknowledgeAlarm',
    {
      orderId,
    },
  );
  expect(again.acknowledgedAt).toBe(first.acknowledgedAt);
  expect(again.acknowledgedBy).toBe('zhangwei');

  // On a wall the acknowledging officer's name is masked too.
  await page.goto(`${page.url().split('#')[0]?.split('?')[0]}?wall=1#awareness`);
  await expect(page.locator(`[data-testid="alarm-done"][data-order="${orderId}"]`)).toContainText('张* 于');
});

test('first calls: the wall asks for its data before the app script loads, and once', async ({ page }) => {
  await login(page);
  const sent: string[] = [];
  page.on('request', (req) => sent.push(new URL(req.url()).pathname));
  await page.reload();
  await expect(page.getByTestId('kpi-received-value')).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId('awareness-map').locator('.awareness-map-canvas')).not.toHaveAttribute(
    'data-pending',
    'true',
    { timeout: 60_000 },
  );
  const appScript = sent.findIndex((p) => /\/assets\/boot-[^/]+\.js$/.test(p));
  expect(appScript, sent.join('\n')).toBeGreaterThan(0);
  for (const proc of [
    'auth.status',
    'map.config',
    'reference.snapshot',
    'map.orders',
    'map.features',
    'awareness.today',
  ]) {
    const at = sent.flatMap((p, i) => (p.endsWith(`/api/${proc}`) ? [i] : []));
    // Asked once: the panel found the answer waiting instead of asking again.
    expect(at, `${proc}\n${sent.join('\n')}`).toHaveLength(1);
    // Asked by the page's small entry script, before it even requested the app's script.
    expect(at[0], proc).toBeLessThan(appScript);
  }
});
