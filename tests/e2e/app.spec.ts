/**
 * The hall in browser mode, end to end: shell, search, order detail with timeline and SLA
 * timers, dispatch recommendation, language switch, a bad filter, and screenshots of every panel
 * at 1080p and 4K.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { loginThroughScreen } from './accounts';
import { shotSizes } from './app-helpers';

const ARTIFACTS = fileURLToPath(new URL('./.artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

function appUrl(hash = ''): string {
  const url = process.env.HALL_E2E_URL;
  if (!url) throw new Error('HALL_E2E_URL is not set: global-setup did not start the host');
  return `${url}${hash}`;
}

/** Opens the app; the first time in a test (a fresh browser context) through the login screen. */
async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(appUrl(hash));
  await expect(page.getByTestId('login-screen').or(page.getByTestId('header-user'))).toBeVisible();
  if (await page.getByTestId('login-screen').isVisible()) await loginThroughScreen(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('街道综合指挥中心');
  await expect(page.getByTestId('header-user')).toBeVisible();
}

async function openDispatch(page: Page): Promise<void> {
  await page.keyboard.press('F3');
  await expect(page.getByRole('tab', { name: /指挥调度/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('order-row').first()).toBeVisible();
}

async function search(page: Page, term: string): Promise<void> {
  const before = await page.getByTestId('list-foot').textContent();
  await page.getByTestId('search').fill(term);
  // Debounced: the total line changes once the list asks for the new term (加载中, or the answer);
  // the rows shown until the answer are the previous term's.
  await expect(page.getByTestId('list-foot')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('orders-list')).toHaveAttribute('aria-busy', 'false');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

test.beforeEach(async ({ page }) => {
  // Every test starts in Chinese whatever an earlier one chose.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-started')) {
      sessionStorage.setItem('e2e-started', '1');
      localStorage.removeItem('hall.lang');
    }
  });
});

test('shell: demo badge, street, four panels, status bar', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('demo-badge')).toHaveText('模拟数据');
  await expect(page.getByTestId('street-name')).not.toBeEmpty();
  for (const name of ['态势感知', '分析研判', '指挥调度', '评估反馈']) {
    await expect(page.getByRole('tab', { name: new RegExp(name) })).toBeVisible();
  }
  await expect(page.getByTestId('conn-state')).toHaveText('在线');
  await expect(page.getByTestId('order-count')).toContainText('工单');
  await expect(page.getByTestId('outbox-pending')).toContainText('待同步');
  await expect(page.getByTestId('clock')).toContainText('北京时间');
  await expect(page.getByTestId('kpi-strip')).toContainText('今日受理');
  await expect(page.getByTestId('aw-rates')).toContainText('响应率');

  // Keyboard: Alt+2 and F4 switch panels, the chart renders on 分析研判.
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('panel-analysis')).toBeVisible();
  await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible();
  await page.keyboard.press('F4');
  await expect(page.getByTestId('panel-evaluation')).toBeVisible();
  await expect(page.getByTestId('eval-figures')).toContainText('综合得分');
});

test('dispatch: search with 2 and 4 characters, open an order, see timeline and timers', async ({ page }) => {
  await openApp(page, '#dispatch');
  await openDispatch(page);

  await search(page, '噪音');
  const rows = page.getByTestId('order-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('list-empty')).toHaveCount(0);
  // The search matched: the visible rows mention the term in their title (or their text elsewhere).
  const titles = await page.locator('[data-testid="order-row"] .col-title').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.some((t) => t.includes('噪音'))).toBe(true);

  await search(page, '噪音扰民');
  await expect(rows.first()).toBeVisible();
  const titles4 = await page.locator('[data-testid="order-row"] .col-title').allTextContents();
  expect(titles4.some((t) => t.includes('噪音扰民'))).toBe(true);

  // Keyboard: focus the list, ↓ selects the first row, Enter opens it.
  await page.getByTestId('orders-list').focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  const firstId = await rows.first().getAttribute('data-order-id');
  await page.keyboard.press('Enter');

  const detail = page.getByTestId('order-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('detail-fields')).toContainText(firstId ?? '');
  const events = detail.getByTestId('timeline-event');
  await expect(events.first()).toContainText('受理');
  expect(await events.count()).toBeGreaterThan(0);
  // Actors are named (person name · unit or role), never shown as raw person ids like P0106.
  const actors = await detail.locator('.ev-actor').allTextContents();
  expect(actors.length).toBeGreaterThan(0);
  for (const a of actors) expect(a).not.toMatch(/^P\d+$/);
  expect(actors.some((a) => a.includes(' · '))).toBe(true);
  await expect(detail.getByTestId('timer').first()).toBeVisible();
  await expect(detail.getByTestId('timer').first()).toContainText('时限');
  await shot(page, 'dispatch-search-detail-1920x1080');

  // Esc closes the detail; a click opens another order.
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await rows.nth(1).click();
  await expect(page.getByTestId('order-detail')).toBeVisible();
  await expect(page.getByTestId('timeline-event').first()).toBeVisible();
});

test('dispatch: an order with an upstream deadline shows both deadlines side by side', async ({ page }) => {
  await openApp(page, '#dispatch');
  await openDispatch(page);
  // 12345 orders carry upstream deadlines; open the first open one from the list.
  await page.getByTestId('filter-status').selectOption('in_progress');
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  await page.getByTestId('order-row').first().click();
  await expect(page.getByTestId('timer').first()).toBeVisible();
  await shot(page, 'dispatch-in-progress-1920x1080');
});

test('language: switch to English and back, and the choice persists', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.getByRole('tab', { name: /Dispatch/ })).toBeVisible();
  await expect(page.getByTestId('demo-badge')).toHaveText('SIMULATED DATA');
  await expect(page.getByTestId('conn-state')).toHaveText('Online');
  await page.keyboard.press('F3');
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Title' })).toBeVisible();
  await shot(page, 'dispatch-en-1920x1080');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Street Command Hall');
  await page.getByTestId('lang-select').selectOption('zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('街道综合指挥中心');
  await expect(page.getByRole('tab', { name: /指挥调度/ })).toBeVisible();
});

test('bad filters: an inverted date range and a search with no hits do not break the page', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, '#dispatch');
  await openDispatch(page);

  await page.getByTestId('filter-from').fill('2026-12-31');
  await page.getByTestId('filter-to').fill('2020-01-01');
  await expect(page.getByTestId('invalid-range')).toBeVisible();
  await expect(page.getByTestId('list-empty').or(page.getByTestId('list-error'))).toBeVisible();
  await shot(page, 'dispatch-invalid-range-1920x1080');

  await page.getByTestId('filter-reset').click();
  await expect(page.getByTestId('invalid-range')).toHaveCount(0);
  await expect(page.getByTestId('order-row').first()).toBeVisible();

  await page.getByTestId('search').fill('绝对不会出现的词语组合ZZZ');
  await expect(page.getByTestId('list-empty')).toHaveText('没有符合条件的工单');
  await page.getByTestId('search').fill('');
  await expect(page.getByTestId('order-row').first()).toBeVisible();

  // Filters combined with overdue-only and a category still answer.
  await page.getByTestId('filter-overdue').check();
  await page.getByTestId('filter-category').selectOption({ index: 1 });
  await expect(page.getByTestId('order-row').first().or(page.getByTestId('list-empty'))).toBeVisible();
  expect(errors).toEqual([]);
});

test('screenshots of the panels and the desk (1920×1080; HALL_E2E_SHOTS=all adds 3840×2160)', async ({
  page,
}) => {
  // 态势感知 now draws the map (WebGL, software-rendered here) at 4K: give the sizes time.
  test.setTimeout(180_000);
  for (const [w, h] of shotSizes([
    [1920, 1080],
    [3840, 2160],
  ] as const)) {
    await page.setViewportSize({ width: w, height: h });
    await openApp(page, '#awareness');
    await page.reload(); // same URL with a new viewport: start from a fresh page
    await expect(page.getByTestId('kpi-strip')).toBeVisible();
    await shot(page, `awareness-${w}x${h}`);

    await page.keyboard.press('F2');
    await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible();
    await page.waitForTimeout(500); // ECharts animates its bars in
    await shot(page, `analysis-${w}x${h}`);

    await page.keyboard.press('F4');
    await expect(page.getByTestId('panel-evaluation')).toBeVisible();
    await shot(page, `evaluation-${w}x${h}`);

    await page.keyboard.press('F3');
    await expect(page.getByTestId('order-row').first()).toBeVisible();
    await shot(page, `dispatch-${w}x${h}`);
    await page.getByTestId('order-row').first().click();
    await expect(page.getByTestId('timeline-event').first()).toBeVisible();
    await shot(page, `dispatch-detail-${w}x${h}`);
    await page.getByTestId('timeline-event').last().scrollIntoViewIfNeeded();
    await shot(page, `dispatch-timeline-${w}x${h}`);
    await page.keyboard.press('Escape');
  }
});

// After the screenshots: it writes a 待派单 order into the shared demo store.
test('dispatch: a 待派单 order shows 推荐派单 with ranked units, scores and reasons', async ({ page }) => {
  await openApp(page, '#dispatch');
  const api = async <T>(proc: string, input: unknown): Promise<T> => {
    const res = await page.request.post(appUrl(`api/${proc}`), { data: input });
    const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
    expect(body.ok, `${proc}: ${JSON.stringify(body.error)}`).toBe(true);
    return body.data;
  };
  // A fresh order inside the demo street (a community's centroid), so it is 待派单 for certain.
  const snap = await api<{
    communities: Array<{ centroid: [number, number] }>;
    categories: Array<{ code: string; level: number }>;
  }>('reference.snapshot', {});
  const [lng, lat] = snap.communities[0]?.centroid ?? [116.4, 39.9];
  const orderId = `e2e-recommend-${Date.now()}`;
  await api('orders.create', {
    orderId,
    order: {
      source: 'hotline',
      appealType: 'help',
      categoryCode: snap.categories.find((c) => c.level === 3)?.code ?? '01',
      urgency: 'P2',
      title: '端到端测试待派单工单',
      lng,
      lat,
    },
  });

  await openDispatch(page);
  await page.getByTestId('filter-status').selectOption('received');
  const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  await row.click();
  const detail = page.getByTestId('order-detail');
  await expect(detail.getByTestId('detail-fields')).toContainText('待派单');
  const section = detail.getByTestId('recommendations');
  await expect(section).toContainText('推荐派单');
  const recs = section.getByTestId('recommendation');
  await expect(recs.first()).toBeVisible();
  expect(await recs.count()).toBeGreaterThanOrEqual(1);
  expect(await recs.count()).toBeLessThanOrEqual(5);
  await expect(recs.first()).toContainText('匹配度');
  await expect(recs.first().locator('.rec-reasons')).toContainText('在办');
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'dispatch-recommend-1920x1080');

  // An order already being handled shows no recommendation section.
  await page.getByTestId('filter-status').selectOption('in_progress');
  // The list has taken the filter once the 待派单 order has left it (else the click lands on it).
  await expect(row).toHaveCount(0);
  await page.getByTestId('order-row').first().click();
  await expect(detail.getByTestId('detail-fields')).toContainText('处置中');
  await expect(detail.getByTestId('recommendations')).toHaveCount(0);
});

// Last: it writes an order into the shared demo store, which must not show up in the screenshots.
test('dispatch: a suspended order shows its timers frozen (挂账 pauses the clock), not ticking to overdue', async ({
  page,
}) => {
  type Timer = { kind: string; scope: string; deadline: number; stoppedAt: number | null; level: string };
  type Detail = { order: { version: number; status: string }; timers: Timer[] };
  // Logged in first: page.request shares the context's session cookie.
  await openApp(page, '#dispatch');
  const api = async <T>(proc: string, input: unknown): Promise<T> => {
    const res = await page.request.post(appUrl(`api/${proc}`), { data: input });
    const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
    expect(body.ok, `${proc}: ${JSON.stringify(body.error)}`).toBe(true);
    return body.data;
  };
  // Through the same API: a P2 walk-in order, dispatched, signed, then put in the problem bank.
  const orderId = `e2e-suspended-${Date.now()}`;
  let d = await api<Detail>('orders.create', {
    orderId,
    order: {
      source: 'walk_in',
      appealType: 'complaint',
      categoryCode: '01',
      urgency: 'P2',
      title: '端到端测试挂账工单',
      lng: 116.4,
      lat: 39.9,
    },
  });
  const { units } = await api<{ units: Array<{ id: string }> }>('reference.snapshot', {});
  const unitId = units[0]?.id ?? 'u-1';
  for (const action of [
    { type: 'dispatched', payload: { unitId } },
    { type: 'signed', payload: { unitId } },
    { type: 'suspended', payload: { reason: '历史遗留问题，纳入问题库' } },
  ]) {
    d = await api<Detail>('orders.act', { orderId, expectedVersion: d.order.version, action });
  }
  expect(d.order.status).toBe('suspended');
  const finish = d.timers.find((x) => x.kind === 'finish' && x.scope === 'internal');
  expect(finish?.level).toBe('ok');

  // A month later on the wall clock the 7-day finish deadline has passed, but the clock is paused.
  await page.clock.setFixedTime(new Date(Date.now() + 30 * 86_400_000));
  await openApp(page, '#dispatch');
  await openDispatch(page);
  await page.getByTestId('filter-status').selectOption('suspended');
  const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  await row.click();
  const detail = page.getByTestId('order-detail');
  await expect(detail.getByTestId('timer').first()).toBeVisible();
  // Every displayed level is the core's: none turned overdue on screen.
  const shown = await detail
    .getByTestId('timer-internal')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-level')));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown).not.toContain('overdue');
  await expect(detail.getByTestId('timers')).not.toContainText('超期');
});
