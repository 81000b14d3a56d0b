/**
 * 现场力量 end to end (issue 15 item 4): positions posted through the API appear on the map's
 * 现场力量 layer with name, role and age, the legend's toggle hides and shows them, and a whistle's
 * detail lists who is near its meeting point, nearest first — updated on screen when a nearer
 * person reports. Screenshots at 1080p (and 4K with HALL_E2E_SHOTS=all).
 */
import { expect, test, type Page } from '@playwright/test';
import type { MapProbe } from '../../renderer/src/features/map/map-probe';
import { BIG_SHOTS, shots } from './app-helpers';
import { openDesk } from './dispatch-helpers';
import { loginThroughScreen } from './accounts';
import { api, appUrl } from './wall-helpers';

type WithProbe = HTMLElement & { __hallMap: MapProbe };

// Software WebGL on a 2-core machine shared with other runs.
test.describe.configure({ timeout: BIG_SHOTS ? 480_000 : 180_000 });

interface Snap {
  grids: Array<{ code: string; centroid: [number, number] }>;
  units: Array<{ id: string }>;
  people: Array<{ id: string; name: string; role: string; gridCode: string | null }>;
}

const canvas = (page: Page) => page.getByTestId('awareness-map').locator('.awareness-map-canvas');
const labels = (page: Page) =>
  canvas(page).evaluate((el) => (el as Partial<WithProbe>).__hallMap?.renderedLabels() ?? []);

test('positions posted through the API show on the map and near a whistle site', async ({ page }) => {
  // carousel=0: the map must not rotate away to another panel while a slow machine works.
  await page.goto(appUrl('?carousel=0#awareness'));
  await loginThroughScreen(page);
  await expect(page.getByTestId('panel-awareness')).toBeVisible();
  const snap = await api<Snap>(page, 'reference.snapshot', {});
  const worker = snap.people.find((p) => p.role === 'grid_worker' && p.gridCode)!;
  const member = snap.people.find((p) => p.role === 'party_member')!;
  const grid = snap.grids.find((g) => g.code === worker.gridCode)!;
  const [lng, lat] = grid.centroid;
  await api(page, 'field.report', {
    reports: [{ personId: worker.id, lng: lng + 0.0003, lat, accuracy: 12, at: Date.now() }],
  });

  // The legend's toggle, with the rule in words as its tooltip.
  const row = page.getByTestId('map-legend-field');
  await expect(row).toContainText('现场力量');
  await expect(row).toHaveAttribute('title', /超过 10 分钟未更新的变淡，超过 60 分钟的不再显示/);
  await expect(canvas(page)).toBeVisible();
  await expect
    .poll(() => canvas(page).evaluate((el) => (el as Partial<WithProbe>).__hallMap?.idle() ?? false), {
      timeout: 60_000,
    })
    .toBe(true);
  await canvas(page).evaluate((el, p) => (el as WithProbe).__hallMap.jumpTo(p[0], p[1], 17), [lng, lat] as [
    number,
    number,
  ]);
  const label = `${worker.name} 网格员 · 刚刚`;
  await expect.poll(() => labels(page), { timeout: 30_000 }).toContain(label);

  // The toggle hides the layer and shows it again.
  const toggle = page.getByTestId('map-toggle-field');
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect.poll(() => labels(page), { timeout: 30_000 }).not.toContain(label);
  await toggle.click();
  await expect.poll(() => labels(page), { timeout: 30_000 }).toContain(label);
  // 1080p first (zoomed in, labels); a resize refits the street, so 4K shows the whole layer.
  await shots(page, 'field-map');

  // A whistle at the same place: its detail lists who is near, nearest first.
  const title = `现场力量测试吹哨 ${Date.now()}`;
  await api(page, 'whistle.create', {
    kind: 'joint_enforcement',
    title,
    address: `${grid.code} 网格中心`,
    lng,
    lat,
    radiusM: 100,
    deadlineMinutes: 60,
    unitIds: [snap.units[0]!.id],
  });
  await openDesk(page);
  await page.getByTestId('open-whistles').click();
  await page.getByTestId('whistle-item').filter({ hasText: title }).click();
  const near = page.getByTestId('field-near');
  await expect(near).toContainText('现场附近力量');
  const rows = near.getByTestId('field-near-row');
  await expect(rows.first()).toContainText(worker.name);
  await expect(rows.first()).toContainText(/2\d 米/); // 0.0003° of longitude ≈ 26 m

  // A party member reports closer: the list updates on screen, the member first.
  await api(page, 'field.report', {
    reports: [{ personId: member.id, lng, lat: lat + 0.00005, accuracy: 8, at: Date.now() }],
  });
  await expect(rows.first()).toContainText(member.name);
  await expect(rows.first()).toContainText('党员');
  await expect(rows.nth(1)).toContainText(worker.name);
  await shots(page, 'field-whistle-near');
});
