/**
 * Issue 11, item 4 on screen: an urgent order whose title, address and citizen carry the forms of
 * the issue (spaced and full-width phones, Chinese numerals, an ID number, the citizen's own name)
 * reaches the wall — the live feed and the alarm — and nothing of it is readable there unmasked.
 * The wall signs in with its own viewer account. Screenshot at 1080p and 4K.
 */
import { expect, test } from '@playwright/test';
import { digitsView } from '../../shared/kernel/masking';
import { api, appUrl, ARTIFACTS, signIn, shotSizes } from './app-helpers';

const WALL = {
  username: 'wall2',
  displayName: '二号大屏',
  password: 'wall2-screen-2026',
  role: 'viewer',
} as const;
const CITIZEN = '欧阳修远';

test('the wall shows an urgent order with every form masked', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, '#evaluation');
  await api(page, 'accounts.create', WALL).catch(() => undefined);
  const ref = await api<{ communities: Array<{ code: string; centroid: [number, number] }> }>(
    page,
    'reference.snapshot',
    {},
  );
  const c = ref.communities[0]!;
  const title = `${CITIZEN}反映燃气泄漏 电话１３８ 1234 5678 备用一三九八七六五四三二一`;
  await api(page, 'orders.create', {
    order: {
      source: 'hotline',
      appealType: 'help',
      categoryCode: '01',
      urgency: 'P0',
      title,
      description: `身份证 110101199003071234，${CITIZEN}`,
      address: '光华路12号3号楼2单元501室',
      lng: c.centroid[0],
      lat: c.centroid[1],
      communityCode: c.code,
      citizen: { name: CITIZEN, phone: '13812345678' },
    },
  });

  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const wall = await wallContext.newPage();
  await wall.goto(`${appUrl()}?wall=1`);
  await wall.getByTestId('auth-username').fill(WALL.username);
  await wall.getByTestId('auth-password').fill(WALL.password);
  await wall.getByTestId('auth-password').press('Enter');
  // The order reaches the wall: its masked title is on screen.
  await expect(wall.getByText('欧***反映燃气泄漏').first()).toBeVisible({ timeout: 60_000 });
  for (const [w, h] of shotSizes([
    [1920, 1080],
    [3840, 2160],
  ] as const)) {
    await wall.setViewportSize({ width: w, height: h });
    await wall.screenshot({ path: `${ARTIFACTS}wall-masked-${w}x${h}.png` });
  }
  const text = await wall.evaluate(() => document.body.innerText);
  const digits = digitsView(text);
  for (const raw of ['13812345678', '13987654321', '19900307']) expect(digits).not.toContain(raw);
  expect(text.replace(/[\s\u200b-\u200f·]/g, '')).not.toContain(CITIZEN);
  expect(text).not.toContain('2单元501');
  await wallContext.close();
});
