/**
 * Address matching and 部件 assets (issue 14 items 4–5), by clicking: a typed address at 受理
 * shows the gazetteer's point with its confidence and is used with one click; an order that came
 * without a place (待定位) is placed on the desk by clicking the map.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  createOrder,
  detail,
  OFFICER,
  openOrder,
  shots,
  signedInPage,
  withDeskAccounts,
} from './dispatch-helpers';

withDeskAccounts();

async function openIntake(page: Page) {
  const dialog = page.getByTestId('intake-dialog');
  await expect(async () => {
    await page.keyboard.press('F8');
    await expect(dialog).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}

test('a typed address is matched to a point with its confidence, and used with one click', async ({
  browser,
}) => {
  const page = await signedInPage(browser, OFFICER);
  await openIntake(page);
  await page.getByTestId('intake-address').fill('劲松中街25号');
  await page.getByTestId('intake-address').blur();
  const hint = page.getByTestId('address-match');
  await expect(hint.getByTestId('address-match-name')).toContainText('劲松中街25号 · 道路门牌');
  await expect(hint.getByTestId('address-match-pct')).toHaveText(/置信度 \d+%/);
  await expect(page.getByTestId('intake-map-pin')).toHaveCount(0);
  await hint.getByTestId('address-match-use').click();
  await expect(page.getByTestId('intake-map-pin')).toBeVisible();
  await expect(page.getByTestId('intake-point')).toBeVisible();
  await expect(page.getByTestId('intake-location')).not.toContainText('待定位');
  await expect(hint).toContainText('已采用');
  // A bridge with a direction word.
  await page.getByTestId('intake-address').fill('双井桥东南角');
  await page.getByTestId('intake-address').blur();
  await expect(hint.getByTestId('address-match-name')).toContainText('双井桥 · 地标 · 东南角');
  await shots(page, 'address-intake-match');
  await page.context().close();
});

test('a 待定位 order is placed on the desk by clicking the map', async ({ browser }) => {
  const page = await signedInPage(browser, OFFICER);
  const token = `待定位${Date.now().toString(36)}`;
  const orderId = await createOrder(page.request, `窨井盖松动 ${token}`, {
    lng: null,
    lat: null,
    address: '乐成购物中心门口',
  });
  await openOrder(page, orderId, token);
  const box = detail(page).getByTestId('address-locate');
  await expect(box).toContainText('待定位');
  await expect(box).toContainText('乐成购物中心');
  const map = box.getByTestId('intake-map');
  const r = (await map.boundingBox())!;
  await map.click({ position: { x: r.width * 0.5, y: r.height * 0.5 } });
  await expect(box.getByTestId('address-locate-picked')).toContainText('社区');
  await shots(page, 'address-desk-locate');
  await box.getByTestId('address-locate-confirm').click();
  await expect(detail(page).getByTestId('detail-fields')).not.toContainText('待定位');
  await expect(detail(page).getByTestId('address-locate')).toHaveCount(0);
  await page.context().close();
});

test('picking a street asset at intake fills the place and suggests its categories', async ({ browser }) => {
  const page = await signedInPage(browser, OFFICER);
  const dialog = await openIntake(page);
  await page.getByTestId('intake-address').fill('劲松中街25号');
  await page.getByTestId('intake-address').blur();
  await page.getByTestId('address-match-use').click();
  const pick = dialog.getByTestId('asset-pick');
  const light = pick.locator('[data-testid="asset-item"][data-kind="streetlight"]').first();
  await expect(light).toBeVisible();
  const name = (await light.locator('.asset-name').textContent()) ?? '';
  await light.click();
  await expect(page.getByTestId('intake-address')).toHaveValue(new RegExp(`^${name}（LD-`));
  const cats = pick.getByTestId('asset-category');
  await expect(cats.first()).toHaveText('路灯不亮');
  await cats.first().click();
  await expect(cats.first()).toHaveAttribute('aria-pressed', 'true');
  // Another report already open on that asset shows in the one 可能重复 list, reason 同一部件.
  const address = await page.getByTestId('intake-address').inputValue();
  const code = /（(.+)）$/.exec(address)![1]!;
  const sameAsset = dialog.locator('[data-testid="triage-duplicate"]:has([data-reason="same_asset"])');
  await expect(sameAsset).toHaveCount(0);
  const dupId = await createOrder(page.request, '路灯不亮（同一部件）', { address });
  await expect(sameAsset).toHaveCount(1);
  await expect(sameAsset).toHaveAttribute('data-order-id', dupId);
  await expect(sameAsset.locator('[data-reason="same_asset"]')).toHaveText(`同一部件 ${code}`);
  await expect(sameAsset.getByTestId('triage-merge-intake')).toBeVisible();
  await sameAsset.scrollIntoViewIfNeeded();
  await shots(page, 'address-intake-asset');
  await page.context().close();
});
