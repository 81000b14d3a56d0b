/**
 * 答复模板 end to end: the admin opens the editor from the header, is stopped by the form's
 * checks, creates a template for a category class and a general one, edits one, deletes one
 * after a confirmation (Esc and 取消 first keep it); the list and templates.list agree at each
 * step. A duty officer has no such entry. Screenshots at 1080p and 4K, Chinese and English.
 */
import { expect, test, type Page } from '@playwright/test';
import { api, defaultLanguagePerTest, shots, signIn } from './app-helpers';

interface Template {
  id: string;
  categoryCode: string | null;
  title: string;
  body: string;
  updatedBy: string;
}

const row = (page: Page, title: string) => page.getByTestId('template-row').filter({ hasText: title });

defaultLanguagePerTest();

test('an admin creates, edits and deletes reply templates; an officer has no editor', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, '#evaluation');
  const snap = await api<{
    categories: Array<{ code: string; name: string; level: number; parentCode: string | null }>;
  }>(page, 'reference.snapshot', {});
  // A second-level class (房屋维修 in the demo): a template may answer a whole class.
  const cls = snap.categories.find(
    (c) => c.level === 2 && !c.code.startsWith('13') && !c.code.startsWith('14'),
  );
  const major = snap.categories.find((c) => c.code === cls?.parentCode);
  if (!cls || !major) throw new Error('no second-level category in the demo');
  const before = await api<Template[]>(page, 'templates.list', {});

  const opener = page.getByTestId('templates-open');
  await expect(opener).toHaveText('答复模板');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: '答复模板' });
  await expect(dialog).toBeVisible();

  // The form's checks, each at its field.
  await page.getByTestId('template-save').click();
  await expect(dialog).toContainText('请选择适用分类，或勾选通用模板');
  await expect(dialog).toContainText('请填写模板名称');
  await expect(dialog).toContainText('请填写答复内容');
  await expect(page.getByTestId('template-category')).toBeFocused();

  // Category by search (any level may be chosen), name and text; Enter in the name saves.
  await page.getByTestId('template-category').fill(cls.name);
  await expect(page.getByTestId('template-category-path')).toHaveText(`${major.name} / ${cls.name}`);
  await page
    .getByTestId('template-body')
    .fill('您好，您反映的问题已由责任单位现场处置完毕，感谢您对街道工作的支持。');
  await page.getByTestId('template-title').fill('已修复-通用答复');
  await page.getByTestId('template-title').press('Enter');
  await expect(page.getByTestId('templates-notice')).toHaveText('已创建模板「已修复-通用答复」');
  await expect(row(page, '已修复-通用答复')).toContainText(`${major.name} / ${cls.name}`);

  // A general template (any category).
  await page.getByTestId('template-general').check();
  await expect(page.getByTestId('template-category')).toHaveCount(0);
  await page.getByTestId('template-title').fill('暂无法解决-解释说明');
  await page
    .getByTestId('template-body')
    .fill('您好，经核实该问题涉及历史遗留原因，暂无法解决，已纳入问题台账持续跟进。');
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('templates-notice')).toHaveText('已创建模板「暂无法解决-解释说明」');
  await expect(row(page, '暂无法解决-解释说明')).toContainText('通用');

  let list = await api<Template[]>(page, 'templates.list', {});
  expect(list.length).toBe(before.length + 2);
  const created = list.find((t) => t.title === '已修复-通用答复');
  expect(created).toMatchObject({ categoryCode: cls.code, updatedBy: 'zhangwei' });
  // An officer's pick for a leaf of the class finds it (the lineage lookup of templates.list).
  const leaf = snap.categories.find((c) => c.parentCode === cls.code);
  if (leaf) {
    const forLeaf = await api<Template[]>(page, 'templates.list', { categoryCode: leaf.code });
    expect(forLeaf.map((t) => t.title)).toEqual(
      expect.arrayContaining(['已修复-通用答复', '暂无法解决-解释说明']),
    );
  }
  await shots(page, 'templates-list');

  // Edit: the form takes the template; Esc leaves the edit first, not the dialog.
  await row(page, '已修复-通用答复').getByTestId('template-edit').click();
  await expect(page.getByTestId('template-form')).toContainText('编辑模板「已修复-通用答复」');
  await expect(page.getByTestId('template-title')).toHaveValue('已修复-通用答复');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('template-form')).toContainText('新建模板');
  await expect(dialog).toBeVisible();
  await row(page, '已修复-通用答复').getByTestId('template-edit').click();
  await page.getByTestId('template-title').fill('已修复-现场处置');
  await page.getByTestId('template-body').fill('您好，您反映的问题已于今日现场修复，如仍有问题请再次来电。');
  await page.getByTestId('template-body').press('Control+Enter');
  await expect(page.getByTestId('templates-notice')).toHaveText('已保存模板「已修复-现场处置」');
  await expect(row(page, '已修复-现场处置')).toContainText('今日现场修复');
  await expect(row(page, '已修复-通用答复')).toHaveCount(0);
  list = await api<Template[]>(page, 'templates.list', {});
  expect(list.find((t) => t.id === created?.id)).toMatchObject({
    title: '已修复-现场处置',
    categoryCode: cls.code,
  });

  // Filter.
  await page.getByTestId('templates-filter').fill('台账');
  await expect(page.getByTestId('template-row')).toHaveCount(1);
  await page.getByTestId('templates-filter').fill('');

  // Delete: the confirmation names it; 取消 keeps it; 确认删除 removes it.
  await row(page, '暂无法解决-解释说明').getByTestId('template-delete').click();
  const confirm = page.getByTestId('template-delete-confirm');
  await expect(confirm).toContainText('删除模板「暂无法解决-解释说明」');
  await expect(page.getByTestId('template-delete-cancel')).toBeFocused();
  await shots(page, 'templates-delete-confirm');
  await page.getByTestId('template-delete-cancel').click();
  await expect(confirm).toHaveCount(0);
  await expect(row(page, '暂无法解决-解释说明')).toHaveCount(1);
  await row(page, '暂无法解决-解释说明').getByTestId('template-delete').click();
  await page.getByTestId('template-delete-confirm-btn').click();
  await expect(page.getByTestId('templates-notice')).toHaveText('已删除模板「暂无法解决-解释说明」');
  await expect(row(page, '暂无法解决-解释说明')).toHaveCount(0);
  list = await api<Template[]>(page, 'templates.list', {});
  expect(list.some((t) => t.title === '暂无法解决-解释说明')).toBe(false);

  // English.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await page.getByTestId('lang-select').selectOption('en');
  await page.getByTestId('templates-open').click();
  await expect(page.getByRole('dialog', { name: 'Reply templates' })).toBeVisible();
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-form')).toContainText(
    'Choose a category, or tick general template',
  );
  await shots(page, 'templates-english');
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-select').selectOption('zh');

  // A duty officer: 受理 yes, 答复模板 no.
  await api(page, 'accounts.create', {
    username: 'tpl.officer',
    displayName: '周值班',
    password: 'tpl-officer-2026',
    role: 'officer',
  });
  const ctx = await browser.newContext();
  const officer = await ctx.newPage();
  await signIn(officer, '#evaluation', { username: 'tpl.officer', password: 'tpl-officer-2026' });
  await expect(officer.getByTestId('intake-open')).toBeVisible();
  await expect(officer.getByTestId('templates-open')).toHaveCount(0);
  await ctx.close();

  // A committee member (viewer): neither, and F8 opens nothing.
  await api(page, 'accounts.create', {
    username: 'tpl.viewer',
    displayName: '郑委员',
    password: 'tpl-viewer-2026',
    role: 'viewer',
  });
  const ctx2 = await browser.newContext();
  const viewer = await ctx2.newPage();
  await signIn(viewer, '#evaluation', { username: 'tpl.viewer', password: 'tpl-viewer-2026' });
  await expect(viewer.getByTestId('user-role')).toBeVisible();
  await expect(viewer.getByTestId('intake-open')).toHaveCount(0);
  await expect(viewer.getByTestId('templates-open')).toHaveCount(0);
  await viewer.keyboard.press('F8');
  await viewer.waitForTimeout(500);
  await expect(viewer.getByTestId('intake-dialog')).toHaveCount(0);
  await ctx2.close();
});
