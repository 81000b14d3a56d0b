/** The account global-setup creates on the e2e host, and the login every spec goes through. */
import { expect, type Page } from '@playwright/test';

export const E2E_ADMIN = {
  username: 'zhangwei',
  displayName: '张伟',
  password: 'e2e-password-2026',
} as const;

/** Logs in through the real login screen (the page must show it). */
export async function loginThroughScreen(
  page: Page,
  who: { username: string; password: string } = E2E_ADMIN,
): Promise<void> {
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByTestId('auth-username').fill(who.username);
  await page.getByTestId('auth-password').fill(who.password);
  await page.getByTestId('auth-password').press('Enter');
  await expect(page.getByTestId('header-user')).toBeVisible();
}
