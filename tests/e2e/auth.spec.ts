/**
 * Accounts end to end: the login screen of the demo host (errors, Enter, focus, 模拟数据 badge,
 * screenshots at 1080p and 4K), and on a fresh store the first-run 创建管理员账号 → shell →
 * 退出登录 → 登录 path.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN, loginThroughScreen } from './accounts';
import { startHost } from './global-setup';
import { shotSizes } from './app-helpers';

const ARTIFACTS = fileURLToPath(new URL('./.artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

function appUrl(): string {
  const url = process.env.HALL_E2E_URL;
  if (!url) throw new Error('HALL_E2E_URL is not set: global-setup did not start the host');
  return url;
}

test('login screen: focus, Chinese errors, Enter submits, demo badge, no data before login', async ({
  page,
}) => {
  await page.goto(appUrl());
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('登录');
  await expect(page.getByTestId('demo-badge')).toHaveText('模拟数据');
  await expect(page.getByTestId('auth-username')).toBeFocused();

  // Empty form: a clear message, no call.
  await page.getByTestId('auth-submit').click();
  await expect(page.getByTestId('auth-error')).toHaveText('请输入用户名');

  // Wrong password and unknown user: the same generic answer.
  await page.getByTestId('auth-username').fill(E2E_ADMIN.username);
  await page.getByTestId('auth-password').fill('wrong-password');
  await page.getByTestId('auth-password').press('Enter');
  await expect(page.getByTestId('auth-error')).toHaveText('用户名或密码错误');
  await page.getByTestId('auth-username').fill('nobody');
  await page.getByTestId('auth-password').fill('wrong-password');
  await page.getByTestId('auth-password').press('Enter');
  await expect(page.getByTestId('auth-error')).toHaveText('用户名或密码错误');

  // Without a session the API refuses data.
  const refused = await page.request.post(`${appUrl()}api/orders.list`, { data: {} });
  expect(refused.status()).toBe(401);

  for (const [w, h] of shotSizes([
    [1920, 1080],
    [3840, 2160],
  ] as const)) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${ARTIFACTS}login-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });

  await loginThroughScreen(page);
  await expect(page.getByTestId('user-name')).toHaveText(E2E_ADMIN.displayName);
  await expect(page.getByTestId('user-role')).toHaveText('管理员');
  // The session lives in an HttpOnly cookie: the page's script cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('hall_session');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'hall_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  await expect(page.getByTestId('conn-state')).toHaveText('在线');
});

test('first run on a fresh store: create the admin account, log out, log in again', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-e2e-fresh-'));
  const { child, url } = await startHost(['--data-dir', dataDir, '--no-demo']);
  try {
    await page.goto(url);
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('创建管理员账号');
    await expect(page.getByTestId('demo-badge')).toHaveCount(0);
    await expect(page.getByTestId('auth-username')).toBeFocused();

    await page.getByTestId('auth-username').fill('admin');
    await page.getByTestId('auth-display-name').fill('李主任');
    await page.getByTestId('auth-password').fill('short');
    await page.getByTestId('auth-password2').fill('short');
    await page.getByTestId('auth-submit').click();
    await expect(page.getByTestId('auth-error')).toHaveText('密码至少 8 个字符');
    await page.getByTestId('auth-password').fill('a-long-password');
    await page.getByTestId('auth-password2').fill('another-password');
    await page.getByTestId('auth-password2').press('Enter');
    await expect(page.getByTestId('auth-error')).toHaveText('两次输入的密码不一致');
    await page.getByTestId('auth-password').fill('a-long-password');
    await page.getByTestId('auth-password2').fill('a-long-password');
    await page.getByTestId('auth-password2').press('Enter');

    await expect(page.getByTestId('header-user')).toBeVisible();
    await expect(page.getByTestId('user-name')).toHaveText('李主任');
    await expect(page.getByTestId('user-role')).toHaveText('管理员');
    // The push channel opens right after the login, not at the next backoff step.
    await expect(page.getByTestId('conn-state')).toHaveText('在线', { timeout: 3000 });
    await page.screenshot({ path: `${ARTIFACTS}first-run-shell-1920x1080.png` });

    await page.getByTestId('logout').click();
    await expect(page.getByTestId('login-screen')).toBeVisible();
    expect((await page.context().cookies()).find((c) => c.name === 'hall_session')).toBeUndefined();
    // Setup is over: a second auth.setup is refused.
    const again = await page.request.post(`${url}api/auth.setup`, {
      data: { username: 'mallory', displayName: 'M', password: 'mallory-password' },
    });
    expect(again.status()).toBe(422);

    await loginThroughScreen(page, { username: 'admin', password: 'a-long-password' });
    await expect(page.getByTestId('user-name')).toHaveText('李主任');
  } finally {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    // Until the host has closed its store (at most 5 s), not a fixed second.
    for (let i = 0; i < 50 && child.pid; i++) {
      try {
        process.kill(-child.pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
