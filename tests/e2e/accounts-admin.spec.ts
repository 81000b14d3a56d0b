/**
 * 账号管理 end to end: the admin from global setup opens the dialog from the header, creates a
 * duty officer (client checks and the server's taken-name refusal first), sees it listed, and
 * cannot disable themself, and resets the officer's password; the officer logs in and is not offered 账号管理; once the admin
 * disables the account the officer is refused. Screenshots of the dialog at 1080p and 4K.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, loginThroughScreen } from './accounts';
import { shotSizes } from './app-helpers';

const ARTIFACTS = fileURLToPath(new URL('./.artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

const OFFICER = { username: 'wangfang', displayName: '王芳', password: 'officer-pass-2026' } as const;
const NEW_PASSWORD = 'officer-new-pass-2026';

function appUrl(): string {
  const url = process.env.HALL_E2E_URL;
  if (!url) throw new Error('HALL_E2E_URL is not set: global-setup did not start the host');
  return url;
}

async function openAccounts(page: Page) {
  const opener = page.getByTestId('open-accounts');
  await expect(opener).toHaveText('账号管理');
  // Keyboard: focus the header button and press Enter.
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '账号管理' });
  await expect(dialog).toBeVisible();
  return dialog;
}

function row(page: Page, username: string) {
  return page.locator(`[data-testid="account-row"][data-username="${username}"]`);
}

test('admin creates an officer account; the officer has no 账号管理; a disabled officer is refused', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await page.goto(`${appUrl()}#evaluation`);
  await loginThroughScreen(page);

  let dialog = await openAccounts(page);
  await expect(row(page, E2E_ADMIN.username)).toContainText('管理员');
  await expect(row(page, E2E_ADMIN.username).getByTestId('account-state')).toHaveText('启用');

  // Esc closes and gives focus back to the header button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('open-accounts')).toBeFocused();
  dialog = await openAccounts(page);

  // Client-side checks, with the message next to the field.
  await page.getByTestId('account-create-submit').click();
  await expect(dialog).toContainText('请输入用户名');
  await expect(dialog).toContainText('请输入姓名');
  await expect(page.getByTestId('account-username')).toBeFocused();
  await page.getByTestId('account-username').fill(OFFICER.username);
  await page.getByTestId('account-displayName').fill(OFFICER.displayName);
  await page.getByTestId('account-role').selectOption({ label: '值班员' });
  await page.getByTestId('account-password').fill('short');
  await page.getByTestId('account-create-submit').click();
  await expect(dialog).toContainText('密码至少 8 个字符');
  // The password policy (issue 11): eight digits, or the user name with digits, are not passwords.
  await page.getByTestId('account-password').fill('12345678');
  await page.getByTestId('account-create-submit').click();
  await expect(dialog).toContainText('密码须包含字母、数字、符号中的至少两类');
  await page.getByTestId('account-password').fill(`${OFFICER.username}2026`);
  await page.getByTestId('account-create-submit').click();
  await expect(dialog).toContainText('密码不能与用户名相同或只在用户名前后加数字、符号');
  await page.getByTestId('account-password').fill(OFFICER.password);
  await page.getByTestId('account-password2').fill('something-else');
  await page.getByTestId('account-create-submit').click();
  await expect(dialog).toContainText('两次输入的密码不一致');
  await expect(page.getByTestId('account-password2')).toBeFocused();

  for (const [w, h] of shotSizes([
    [1920, 1080],
    [3840, 2160],
  ] as const)) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${ARTIFACTS}accounts-errors-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });

  await page.getByTestId('account-password2').fill(OFFICER.password);
  await page.getByTestId('account-password2').press('Enter');
  await expect(page.getByTestId('accounts-notice')).toHaveText(`已创建账号 ${OFFICER.username}（值班员）`);
  await expect(row(page, OFFICER.username)).toContainText(OFFICER.displayName);
  await expect(row(page, OFFICER.username)).toContainText('值班员');
  await expect(row(page, OFFICER.username).getByTestId('account-state')).toHaveText('启用');

  // The same name again: the server's refusal shows at the username field.
  await page.getByTestId('account-username').fill(OFFICER.username);
  await page.getByTestId('account-displayName').fill('重名');
  await page.getByTestId('account-password').fill(OFFICER.password);
  await page.getByTestId('account-password2').fill(OFFICER.password);
  await page.getByTestId('account-create-submit').click();
  await expect(page.getByTestId('account-username')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('该用户名已被使用，请换一个');

  // The admin cannot disable themself: confirmation, then the API's refusal.
  await row(page, E2E_ADMIN.username).getByTestId('account-disable').click();
  await expect(page.getByTestId('account-disable-confirm')).toContainText(
    '停用后该账号将立即退出登录，确认停用？',
  );
  await page.getByTestId('account-disable-confirm-btn').click();
  await expect(page.getByTestId('account-disable-error')).toHaveText('不能停用自己的账号');
  for (const [w, h] of shotSizes([
    [1920, 1080],
    [3840, 2160],
  ] as const)) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${ARTIFACTS}accounts-dialog-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  // Esc closes the confirmation first, not the dialog.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('account-disable-confirm')).toHaveCount(0);
  await expect(dialog).toBeVisible();

  // 重置密码 for the officer: new password twice, checked before the call.
  await row(page, OFFICER.username).getByTestId('account-reset').click();
  await expect(page.getByTestId('reset-password')).toBeFocused();
  await page.getByTestId('reset-password').fill(NEW_PASSWORD);
  await page.getByTestId('reset-password2').fill('not-the-same-1');
  await page.getByTestId('account-reset-submit').click();
  await expect(page.getByTestId('account-reset-form')).toContainText('两次输入的密码不一致');
  await page.getByTestId('reset-password2').fill(NEW_PASSWORD);
  await page.getByTestId('reset-password2').press('Enter');
  await expect(page.getByTestId('accounts-notice')).toHaveText(`已重置账号 ${OFFICER.username} 的密码`);
  await expect(row(page, OFFICER.username).getByTestId('account-reset')).toBeFocused();

  await page.getByTestId('accounts-close').click();
  await expect(dialog).toBeHidden();

  // The officer: logged in, no 账号管理.
  await page.getByTestId('logout').click();
  await loginThroughScreen(page, { username: OFFICER.username, password: NEW_PASSWORD });
  await expect(page.getByTestId('user-role')).toHaveText('值班员');
  await expect(page.getByTestId('open-accounts')).toHaveCount(0);
  const refused = await page.request.post(`${appUrl()}api/accounts.list`, { data: {} });
  expect(refused.status()).toBe(403);

  // The admin disables the officer (with the confirmation) …
  await page.getByTestId('logout').click();
  await loginThroughScreen(page);
  dialog = await openAccounts(page);
  await row(page, OFFICER.username).getByTestId('account-disable').click();
  await page.getByTestId('account-disable-confirm-btn').click();
  await expect(page.getByTestId('accounts-notice')).toHaveText(`已停用账号 ${OFFICER.username}`);
  await expect(row(page, OFFICER.username).getByTestId('account-state')).toHaveText('停用');
  await expect(row(page, OFFICER.username).getByTestId('account-enable')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // … and the officer is refused at the login screen.
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByTestId('auth-username').fill(OFFICER.username);
  await page.getByTestId('auth-password').fill(NEW_PASSWORD);
  await page.getByTestId('auth-password').press('Enter');
  await expect(page.getByTestId('auth-error')).toHaveText('该账号已停用，请联系管理员');
});
