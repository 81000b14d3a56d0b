/**
 * Triage end to end, by clicks: a typed appeal shows three category suggestions with the words
 * that drove them and a click sets the category; a second report of the same problem at the
 * same place shows the first as a possible duplicate, and 并案 chosen there merges it on submit.
 * On the detail, a filed category the text disagrees with is flagged (分类存疑) and 并案 into an
 * earlier report at the same place is one click. Screenshots of both at 1080p and 4K.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loginThroughScreen } from './accounts';
import { api, appUrl, defaultLanguagePerTest, shots } from './app-helpers';
import { createOrder, openOrder } from './dispatch-helpers';

interface Snapshot {
  categories: Array<{ code: string; name: string; level: number }>;
  communities: Array<{ code: string; name: string }>;
}

async function openApp(page: Page): Promise<Snapshot> {
  await page.goto(appUrl('#evaluation'));
  await expect(page.getByTestId('login-screen').or(page.getByTestId('header-user'))).toBeVisible();
  if (await page.getByTestId('login-screen').isVisible()) await loginThroughScreen(page);
  return api<Snapshot>(page, 'reference.snapshot', {});
}

async function openIntake(page: Page): Promise<Locator> {
  const dialog = page.getByTestId('intake-dialog');
  await expect(async () => {
    await page.keyboard.press('F8');
    await expect(dialog).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}

/** A building of the first community, picked from the address suggestions: it gives the point. */
async function pickBuilding(page: Page, snap: Snapshot): Promise<string> {
  const base = (snap.communities[0] as { name: string }).name.replace(/社区$/, '');
  const building = (
    await api<Array<{ kind: string; name: string; gridCode: string | null }>>(page, 'reference.places', {
      q: base,
      limit: 20,
    })
  ).find((p) => p.kind === 'building' && p.gridCode !== null);
  if (!building) throw new Error('no building among the places');
  await page.getByTestId('intake-address').fill(building.name);
  await expect(
    page
      .getByTestId('intake-address-list')
      .getByRole('option')
      .filter({ has: page.locator('.cat-name', { hasText: new RegExp(`^${building.name}$`) }) }),
  ).toBeVisible();
  await page.getByTestId('intake-address').press('Enter');
  await expect(page.getByTestId('intake-map-pin')).toBeVisible();
  return building.name;
}

const APPEAL = '小区门口的路灯坏了，晚上路灯不亮，黑灯瞎火的，老人出门很不安全';

/** Fills a walk-in report: caller, text; picks the first suggestion by a click. */
async function fillReport(page: Page, snap: Snapshot, caller: string, phone: string): Promise<string> {
  await page.getByTestId('intake-citizen-name').fill(caller);
  await page.getByTestId('intake-citizen-phone').fill(phone);
  await page.getByTestId('intake-description').fill(APPEAL);
  const chips = page.getByTestId('triage-suggestion');
  await expect(chips).toHaveCount(3);
  // Each names the words that drove it; the first is about street lights, because of 路灯.
  await expect(chips.first().getByTestId('triage-suggestion-words')).toContainText('依据：');
  await expect(chips.first().getByTestId('triage-suggestion-words')).toContainText('路灯');
  const code = (await chips.first().getAttribute('data-code')) ?? '';
  const name = snap.categories.find((c) => c.code === code)?.name ?? '?';
  expect(name).toContain('路灯');
  await chips.first().click();
  await expect(page.getByTestId('intake-category')).toHaveValue(name);
  await expect(chips.first()).toHaveAttribute('aria-pressed', 'true');
  return code;
}

defaultLanguagePerTest();

test('suggestions set the category; a second report at the same place is merged into the first', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const snap = await openApp(page);

  // The first report.
  let dialog = await openIntake(page);
  const firstId = (await page.getByTestId('intake-order-id').textContent())?.trim() ?? '';
  const code = await fillReport(page, snap, '李秀兰', '13811112222');
  await pickBuilding(page, snap);
  await page.getByTestId('intake-submit').click();
  await expect(dialog).toBeHidden();
  const first = await api<{ order: { categoryCode: string; status: string } }>(page, 'orders.get', {
    orderId: firstId,
  });
  expect(first.order.categoryCode).toBe(code);

  // The same problem at the same place, another caller: the first shows as a possible duplicate.
  dialog = await openIntake(page);
  const secondId = (await page.getByTestId('intake-order-id').textContent())?.trim() ?? '';
  expect(secondId).not.toBe(firstId);
  await fillReport(page, snap, '王志强', '13933334444');
  await pickBuilding(page, snap);
  const dup = page.locator(`[data-testid="triage-duplicate"][data-order-id="${firstId}"]`);
  await expect(dup).toBeVisible();
  await expect(dup).toContainText('同一地点');
  await expect(dup).toContainText('同一分类');
  await shots(page, 'triage-intake-suggestions-duplicates');
  await dup.getByTestId('triage-merge-intake').click();
  await expect(dup.getByTestId('triage-merge-intake')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('intake-submit').click();
  await expect(dialog).toBeHidden();

  // 并案: the second ends merged into the first; both keep their callers for 回访.
  await expect(async () => {
    const second = await api<{
      order: { status: string; mergedInto: string | null; citizen: { name: string } | null };
    }>(page, 'orders.get', { orderId: secondId });
    expect(second.order.status).toBe('merged');
    expect(second.order.mergedInto).toBe(firstId);
    expect(second.order.citizen?.name).toBe('王志强');
  }).toPass({ timeout: 10_000 });
  const after = await api<{ order: { status: string; citizen: { name: string } | null } }>(
    page,
    'orders.get',
    {
      orderId: firstId,
    },
  );
  expect(after.order.status).not.toBe('merged');
  expect(after.order.citizen?.name).toBe('李秀兰');
});

test('on the detail: a doubtful category is flagged, and 并案 into the earlier report works by a click', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const snap = await openApp(page);
  const token = `双井${Date.now() % 100000}`;
  const leaf = (name: string) => snap.categories.find((c) => c.level === 3 && c.name === name)?.code ?? '';
  // Two reports of the same overflowing bins at one point; the second filed under shared bikes.
  const first = await createOrder(page.request, `${token}垃圾清运不及时`, {
    categoryCode: leaf('垃圾清运不及时'),
    description: '小区垃圾桶满了好几天没人清运，臭味很大',
  });
  const second = await createOrder(page.request, `${token}垃圾清运不及时`, {
    categoryCode: leaf('共享单车乱停放'),
    description: '垃圾清运不及时，垃圾桶满了好几天没人清运',
  });
  await openOrder(page, second, token);
  const d = page.locator(`[data-testid="order-detail"][data-order-id="${second}"]`);
  await expect(d.getByTestId('triage-doubt')).toContainText('分类存疑');
  await expect(d.getByTestId('triage-doubt')).toContainText('垃圾清运不及时');
  const dup = d.locator(`[data-testid="triage-duplicate"][data-order-id="${first}"]`);
  await expect(dup).toContainText('同一地点');
  await expect(dup).toContainText('内容相似');
  await shots(page, 'triage-detail-doubt-duplicates');
  await dup.getByTestId('triage-merge').click();
  await expect(async () => {
    const o = await api<{ order: { status: string; mergedInto: string | null } }>(page, 'orders.get', {
      orderId: second,
    });
    expect(o.order).toMatchObject({ status: 'merged', mergedInto: first });
  }).toPass({ timeout: 10_000 });
});

test('on the detail: a second report is linked as a repeat (重复件) by a click, shown on both details', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const token = `劲松${Date.now() % 100000}`;
  const text = '楼下饭馆油烟太大，熏得开不了窗，衣服都不敢晾';
  const first = await createOrder(page.request, `${token}饭馆油烟`, { description: text });
  const second = await createOrder(page.request, `${token}饭馆油烟`, { description: text });
  await openOrder(page, second, token);
  const d = page.locator(`[data-testid="order-detail"][data-order-id="${second}"]`);
  const dup = d.locator(`[data-testid="triage-duplicate"][data-order-id="${first}"]`);
  await dup.getByTestId('triage-link-repeat').click();
  await expect(dup.getByTestId('triage-repeat-linked')).toBeVisible();
  await expect(d.getByTestId('triage-repeat-of')).toContainText(first);
  await shots(page, 'triage-detail-repeat');
  // Both stay as they were (no 并案); the earlier one lists the repeat.
  const o = await api<{ order: { status: string } }>(page, 'orders.get', { orderId: second });
  expect(o.order.status).not.toBe('merged');
  await openOrder(page, first, token);
  await expect(
    page.locator(`[data-testid="order-detail"][data-order-id="${first}"]`).getByTestId('triage-repeated-by'),
  ).toContainText(second);
});
