/**
 * Issue 11, item 7 end to end: the admin opens 审计日志 from the header, sees the hash chain intact,
 * filters by action and by actor and finds who opened an order's personal data, checks the chain
 * again with 立即校验, and closes with Esc. Also (item 12) a wall signs in with its own viewer
 * account: the login screen of `/?wall=1` says so. Screenshots at 1080p and 4K.
 */
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './accounts';
import { api, appUrl, shots, signIn } from './app-helpers';

const WALL = {
  username: 'wall1',
  displayName: '一号大屏',
  password: 'wall1-screen-2026',
  role: 'viewer',
} as const;

test('admin reads the audit log: chain intact, filters by action and actor, personal-data reads listed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await signIn(page, '#evaluation');

  // Someone (the admin) opens an order with its personal data: that read is audited.
  const list = await api<{ rows: Array<{ id: string }> }>(page, 'orders.list', { limit: 1 });
  const orderId = list.rows[0]!.id;
  await api(page, 'orders.get', { orderId });

  const opener = page.getByTestId('audit-open');
  await expect(opener).toHaveText('审计日志');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: '审计日志' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('audit-chain')).toHaveAttribute('data-ok', '1');
  await expect(page.getByTestId('audit-chain')).toContainText('哈希链完整');
  await expect(page.getByTestId('audit-row').first()).toBeVisible();

  // Filter by action: only sign-ins.
  await page.getByTestId('audit-action').selectOption({ label: '登录' });
  await page.getByTestId('audit-search').click();
  await expect(page.getByTestId('audit-row').first()).toHaveAttribute('data-action', 'auth.login');
  const actions = await page
    .getByTestId('audit-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
  expect(new Set(actions)).toEqual(new Set(['auth.login']));

  // The personal-data read, with its order.
  await page.getByTestId('audit-action').selectOption({ label: '查看工单个人信息' });
  await page.getByTestId('audit-search').click();
  const read = page.getByTestId('audit-row').first();
  await expect(read).toHaveAttribute('data-action', 'orders.viewPersonal');
  await expect(read).toHaveAttribute('data-actor', E2E_ADMIN.username);
  await expect(read).toContainText(orderId);

  // By actor, all actions.
  await page.getByTestId('audit-action').selectOption({ label: '全部操作' });
  await page.getByTestId('audit-actor').fill(E2E_ADMIN.username);
  await page.getByTestId('audit-search').click();
  // The list reloads after the click: wait for rows, then every row is the admin's.
  await expect
    .poll(async () => {
      const actors = await page
        .getByTestId('audit-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actor')));
      return actors.length > 0 ? [...new Set(actors)] : [];
    })
    .toEqual([E2E_ADMIN.username]);
  // An actor nobody is: the empty state.
  await page.getByTestId('audit-actor').fill('nobody-at-all');
  await page.getByTestId('audit-search').click();
  await expect(page.getByTestId('audit-empty')).toHaveText('没有符合条件的记录');
  await page.getByTestId('audit-clear').click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();

  // 立即校验: the chain is walked again (and the check itself is audited).
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-chain')).toContainText('哈希链完整');
  await expect(page.locator('[data-testid="audit-row"][data-action="audit.verify"]').first()).toBeVisible();

  await shots(page, 'audit-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('audit-open')).toBeFocused();
});

test('a wall signs in with its own viewer account and is never more than a viewer', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, '#evaluation');
  await api(page, 'accounts.create', WALL).catch(() => undefined);

  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const wall = await wallContext.newPage();
  await wall.goto(`${appUrl()}?wall=1`);
  await expect(wall.getByTestId('login-screen')).toBeVisible();
  await expect(wall.getByTestId('auth-wall-hint')).toContainText('大屏请使用只读');
  await shots(wall, 'wall-login');
  await wall.getByTestId('auth-username').fill(WALL.username);
  await wall.getByTestId('auth-password').fill(WALL.password);
  await wall.getByTestId('auth-password').press('Enter');
  await expect(wall.getByTestId('login-screen')).toBeHidden();
  const status = await api<{ user: { role: string } }>(wall, 'auth.status', {});
  expect(status.user.role).toBe('viewer');
  // The viewer cannot change anything, whatever the page tries.
  const res = await wall.request.post(`${appUrl()}api/accounts.list`, { data: {} });
  expect(res.status()).toBe(403);
  await wallContext.close();
});
