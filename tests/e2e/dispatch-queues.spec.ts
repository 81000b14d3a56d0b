/**
 * The desk's work queues (issue 13): each tab shows how many orders wait in it, the list under it
 * holds exactly those orders (their status fits the queue) most urgent first; screenshots of every
 * queue at 1080p and 4K. Then the destructive actions ask first: 结案 from 待核查 (the counts of
 * 待核查 and 待回访 follow) and 并案 into an order found by search.
 */
import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import {
  actViaApi,
  api,
  COMMANDER,
  createOrder,
  detail,
  ensureDeskAccounts,
  expectStatus,
  openDesk,
  shots,
  signedInPage,
} from './dispatch-helpers';
import { loginThroughScreen } from './accounts';

const QUEUES = [
  'to_accept',
  'to_dispatch',
  'to_sign',
  'due_soon',
  'overdue',
  'to_verify',
  'to_callback',
  'return_review',
  'extension_review',
] as const;

/** Statuses an order of the queue may have (the list's status column). */
const STATUS_OF: Record<(typeof QUEUES)[number], readonly string[]> = {
  to_accept: ['待派单'],
  to_dispatch: ['待派单'],
  to_sign: ['待签收'],
  due_soon: ['待派单', '待签收', '处置中', '退单审核中'],
  overdue: ['待派单', '待签收', '处置中', '退单审核中'],
  to_verify: ['已办结'],
  to_callback: ['已结案'],
  return_review: ['退单审核中'],
  extension_review: ['待派单', '待签收', '处置中', '退单审核中', '已办结'],
};
const URGENCY_RANK: Record<string, number> = { 特急: 0, 紧急: 1, 一般: 2, 疑难: 3 };

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * How many orders wait in a queue, asked of the core now, once its tab shows that same number:
 * the tab is refreshed by change hints, so right after a setup call it may still be catching up.
 */
async function count(page: Page, q: (typeof QUEUES)[number]): Promise<number> {
  const { counts } = await api<{ counts: Record<string, number> }>(page.request, 'orders.queues', {});
  const n = counts[q] ?? NaN;
  await expect(page.getByTestId(`queue-count-${q}`)).toHaveText(grouped(n));
  return n;
}

/** The list under the tab has the queue's own answer (not the previous tab's rows while it loads). */
async function listSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('orders-list')).toHaveAttribute('aria-busy', 'false');
}

async function listTotal(page: Page): Promise<number> {
  const foot = page.getByTestId('list-foot');
  await expect(foot).toHaveText(/共 [\d,]+ 条/);
  const m = /共 ([\d,]+) 条/.exec((await foot.textContent()) ?? '');
  return Number(m?.[1]?.replace(/,/g, '') ?? NaN);
}

test.beforeAll(async ({ browser }) => {
  await ensureDeskAccounts(browser);
});

test('each work queue shows its count and its orders, most urgent first', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, COMMANDER);
  // Setup: one order waiting for each of 退单待审 and 延期待批, so those lists are not empty.
  const token = `队列${Date.now().toString(36)}`;
  const { units } = await api<{ units: Array<{ id: string }> }>(page.request, 'reference.snapshot', {});
  const unitId = units[0]?.id ?? '';
  const returning = await createOrder(page.request, `退单待审样例 ${token}`);
  await actViaApi(page.request, returning, [
    { type: 'dispatched', payload: { unitId } },
    { type: 'return_requested', payload: { unitId, reason: '非本单位职责' } },
  ]);
  const extending = await createOrder(page.request, `延期待批样例 ${token}`);
  await actViaApi(page.request, extending, [
    { type: 'dispatched', payload: { unitId } },
    { type: 'signed', payload: { unitId } },
    { type: 'extension_requested', payload: { days: 5, reason: '需协调产权单位' } },
  ]);

  await openDesk(page);
  // 超期 explains itself on hover: the one definition.
  await expect(page.getByTestId('queue-tab-overdue')).toHaveAttribute('title', /^超期：尚未办结/);
  for (const q of QUEUES) {
    await page.getByTestId(`queue-tab-${q}`).click();
    await expect(page.getByTestId('dispatch-desk')).toHaveAttribute('data-tab', q);
    await expect(page.getByTestId(`queue-tab-${q}`)).toHaveAttribute('aria-selected', 'true');
    // The filters belong to 全部.
    await expect(page.getByTestId('search')).toHaveCount(0);
    const n = await count(page, q);
    await listSettled(page);
    await expect.poll(() => listTotal(page), { message: `${q}: list total = tab count` }).toBe(n);
    if (n === 0) {
      await expect(page.getByTestId('list-empty')).toBeVisible();
    } else {
      const rows = page.getByTestId('order-row');
      await expect(rows.first()).toBeVisible();
      const statuses = await rows.locator('.col-status').allTextContents();
      for (const s of statuses) expect(STATUS_OF[q], `${q}: status ${s}`).toContain(s.trim());
      if (q === 'overdue' || q === 'due_soon') {
        const deadlines = (await rows.locator('.col-deadline').allTextContents()).map((s) => s.trim());
        expect(deadlines, `${q}: nearest deadline first`).toEqual([...deadlines].sort());
        if (q === 'overdue')
          for (const cell of await rows.locator('.col-deadline').all())
            await expect(cell).toHaveClass(/overdue/);
      } else if (q !== 'to_callback') {
        const ranks = (await rows.locator('.col-urgency').allTextContents()).map(
          (s) => URGENCY_RANK[s.trim()],
        );
        expect(ranks, `${q}: most urgent first`).toEqual([...ranks].sort((a, b) => (a ?? 9) - (b ?? 9)));
      }
    }
    if (q === 'return_review' || q === 'extension_review') {
      const id = q === 'return_review' ? returning : extending;
      await expect(page.locator(`[data-testid="order-row"][data-order-id="${id}"]`)).toBeVisible();
    }
    await shots(page, `desk-queue-${q}`);
  }
  await page.context().close();
});

test('结案 and 并案 ask for a confirmation that names the order and the consequence', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, COMMANDER);
  const token = `确认${Date.now().toString(36)}`;
  const { units } = await api<{ units: Array<{ id: string }> }>(page.request, 'reference.snapshot', {});
  const unitId = units[0]?.id ?? '';
  // Setup: a replied order (待核查), an order to merge and the order it is merged into.
  const replied = await createOrder(page.request, `待结案样例 ${token}`);
  await actViaApi(page.request, replied, [
    { type: 'dispatched', payload: { unitId } },
    { type: 'signed', payload: { unitId } },
    { type: 'replied', payload: { result: '已处理完毕' } },
  ]);
  const target = await createOrder(page.request, `同一处井盖缺失 主单${token}`);
  const duplicate = await createOrder(page.request, `同一处井盖缺失 重复${token}`);

  // ── 结案 from 待核查 ────────────────────────────────────────────────────────────────────
  await openDesk(page);
  await page.getByTestId('queue-tab-to_verify').click();
  const verifyBefore = await count(page, 'to_verify');
  const callbackBefore = await count(page, 'to_callback');
  await listSettled(page);
  await page.locator(`[data-testid="order-row"][data-order-id="${replied}"]`).click();
  await expect(detail(page).getByTestId('action-verify')).toBeVisible();
  await detail(page).getByTestId('action-close').click();
  await page.getByTestId('field-note').fill('12345 上级已回复，直接结案');
  await page.getByTestId('action-submit').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText(`工单 ${replied}「待结案样例 ${token}」`);
  await expect(page.getByTestId('confirm-consequence')).toContainText('结案后工单不再处理，转入待回访');
  await shots(page, 'desk-confirm-close');
  await page.getByTestId('confirm-ok').click();
  await expectStatus(page, '已结案');
  await expect(page.getByTestId('queue-count-to_verify')).toHaveText(grouped(verifyBefore - 1));
  await expect(page.getByTestId('queue-count-to_callback')).toHaveText(grouped(callbackBefore + 1));

  // ── 并案 into an order found by search ─────────────────────────────────────────────────
  await page.getByTestId('queue-tab-all').click();
  await page.getByTestId('search').fill(`重复${token}`);
  await page.locator(`[data-testid="order-row"][data-order-id="${duplicate}"]`).click();
  await detail(page).getByTestId('action-merge').click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('error-intoOrderId')).toHaveText('请选择要并入的工单');
  await page.getByTestId('merge-search').fill(`主单${token}`);
  const candidate = page.locator(`[data-testid="merge-candidate"][data-order-id="${target}"]`);
  await candidate.check();
  // The order itself is never offered.
  await expect(page.locator(`[data-testid="merge-candidate"][data-order-id="${duplicate}"]`)).toHaveCount(0);
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('confirm-consequence')).toContainText(`诉求并入工单 ${target} 一并办理`);
  await page.getByTestId('confirm-ok').click();
  await expectStatus(page, '已并案');
  await expect(detail(page).locator('[data-testid="timeline-event"][data-type="merged"]')).toContainText(
    target,
  );
  await page.context().close();
});

test('a queue that is still loading shows 加载中, never the previous tab’s orders', async ({ browser }) => {
  const page = await signedInPage(browser, COMMANDER);
  await openDesk(page);
  await page.getByTestId('queue-tab-all').click();
  await listSettled(page);
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  // The core's answer is held back 2 s (a busy core, a slow link): the real answer, only later.
  await page.route('**/api/orders.list', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.continue();
  });
  await page.getByTestId('queue-tab-to_callback').click();
  await expect(page.getByTestId('orders-list')).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('list-loading')).toBeVisible();
  await expect(page.getByTestId('order-row')).toHaveCount(0);
  await listSettled(page);
  await page.unroute('**/api/orders.list');
  const statuses = await page.getByTestId('order-row').locator('.col-status').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const s of statuses) expect(s.trim()).toBe('已结案');
  await page.context().close();
});

test('a count shown before the push channel opened is brought up to date when it opens', async ({
  browser,
}) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  // The push channel is held shut until the test lets it through to the host (a slow network).
  let openChannel: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (openChannel = resolve));
  await page.routeWebSocket('**/api/events**', async (ws: WebSocketRoute) => {
    await gate;
    ws.connectToServer();
  });
  await page.goto('#dispatch');
  await loginThroughScreen(page, COMMANDER);
  await openDesk(page);
  const before = await count(page, 'to_dispatch');
  await expect(page.getByTestId('conn-state')).not.toHaveAttribute('data-state', 'online');
  // Another desk files an order meanwhile: its change hint goes to the sockets open now, not ours.
  await createOrder(page.request, `推送前新建 ${Date.now().toString(36)}`);
  // The host sends hints in 100 ms batches (hint-batcher.ts): let this one go before we connect.
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('queue-count-to_dispatch')).toHaveText(grouped(before));
  openChannel();
  await expect(page.getByTestId('conn-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('queue-count-to_dispatch')).toHaveText(grouped(before + 1));
  await ctx.close();
});
