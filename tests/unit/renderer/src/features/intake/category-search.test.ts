import { describe, expect, it } from 'vitest';
import {
  categoryMap,
  childrenOf,
  emergencyOf,
  exactCategory,
  offeredCategories,
  pathOf,
  questionsOf,
  searchCategories,
} from '../../../../../../renderer/src/features/intake/category-search';
import type { Category } from '../../../../../../shared/features/reference/catalogue';

const C = (c: Partial<Category> & Pick<Category, 'code' | 'name'>): Category => {
  const segs = c.code.split('.');
  return {
    level: segs.length as 1 | 2 | 3,
    parentCode: segs.length > 1 ? segs.slice(0, -1).join('.') : null,
    defaultUrgency: 'P2',
    ...c,
  };
};

const CATS: Category[] = [
  C({ code: '04', name: '公共服务' }),
  C({
    code: '04.04',
    name: '燃气',
    questions: [{ id: 'where', text: '在室内还是室外', kind: 'choice', options: ['室内', '室外'] }],
  }),
  C({
    code: '04.04.001',
    name: '燃气泄漏',
    defaultUrgency: 'P0',
    keywords: ['煤气味'],
    questions: [
      { id: 'smell', text: '是否闻到明显的燃气味', kind: 'yesno', required: true },
      {
        id: 'trapped',
        text: '是否有人员被困',
        kind: 'yesno',
        required: true,
        escalate: { answer: '是', urgency: 'P0' },
      },
    ],
  }),
  C({ code: '04.04.002', name: '燃气表故障' }),
  C({ code: '13', name: '紧急警情' }),
  C({ code: '13.01', name: '火警', emergency: { service: '119', notice: '请拨打 119' } }),
  C({ code: '13.01.001', name: '正在起火冒烟' }),
  C({ code: '14', name: '感知与巡查', staffOnly: true }),
  C({ code: '14.01', name: '物联告警' }),
  C({ code: '14.01.001', name: '井盖位移报警' }),
  C({ code: '01', name: '住房管理' }),
  C({ code: '01.02', name: '房屋维修' }),
  C({ code: '01.02.003', name: '楼道灯不亮', staffOnly: true }),
];
const cats = categoryMap(CATS);

describe('category lineage', () => {
  it('names the path and finds a diversion or questions on a parent class', () => {
    expect(pathOf(cats, '04.04.001')).toBe('公共服务 / 燃气 / 燃气泄漏');
    // The emergency is declared on the class 火警: its leaf inherits it.
    expect(emergencyOf(cats, '13.01.001')).toEqual({ service: '119', notice: '请拨打 119' });
    expect(emergencyOf(cats, '04.04.001')).toBeNull();
    expect(emergencyOf(cats, null)).toBeNull();
    // The class's question first, then the leaf's — the core asks them in this order too.
    expect(questionsOf(cats, '04.04.001').map((q) => q.id)).toEqual(['smell', 'trapped', 'where']);
  });

  it('hides staff-only categories, and the leaves of a staff-only class, from citizen channels only', () => {
    const citizen = offeredCategories(CATS, 'walk_in').map((c) => c.code);
    expect(citizen).not.toContain('14');
    expect(citizen).not.toContain('14.01.001'); // not itself marked: its class is
    expect(citizen).not.toContain('01.02.003');
    expect(citizen).toContain('04.04.001');
    for (const ch of ['hotline', 'volunteer'])
      expect(offeredCategories(CATS, ch).map((c) => c.code)).not.toContain('14.01.001');
    for (const ch of ['grid', 'iot', 'proactive'])
      expect(offeredCategories(CATS, ch).map((c) => c.code)).toEqual(
        expect.arrayContaining(['14.01.001', '01.02.003']),
      );
  });
});

describe('category search', () => {
  const offered = offeredCategories(CATS, 'walk_in');

  it('finds leaves by name, keyword and path, the exact name first', () => {
    const byName = searchCategories(offered, cats, '燃气', { leavesOnly: true });
    expect(byName.map((h) => h.category.code)).toEqual(['04.04.001', '04.04.002']);
    expect(searchCategories(offered, cats, '燃气表故障', { leavesOnly: true })[0]?.category.code).toBe(
      '04.04.002',
    );
    expect(
      searchCategories(offered, cats, '煤气味', { leavesOnly: true }).map((h) => h.category.code),
    ).toEqual(['04.04.001']);
    // The path matches too: a class name finds its leaves.
    expect(searchCategories(offered, cats, '公共服务', { leavesOnly: true }).length).toBe(2);
    expect(searchCategories(offered, cats, '  ', { leavesOnly: true })).toEqual([]);
  });

  it('marks an emergency hit before it is chosen, and never offers a hidden one', () => {
    const [fire] = searchCategories(offered, cats, '起火', { leavesOnly: true });
    expect(fire?.emergency).toBe('119');
    expect(searchCategories(offered, cats, '井盖', { leavesOnly: true })).toEqual([]);
    const staff = offeredCategories(CATS, 'grid');
    const [lid] = searchCategories(staff, cats, '井盖', { leavesOnly: true });
    expect(lid?.staffOnly).toBe(true);
  });

  it('offers classes when any level may be chosen (a template)', () => {
    expect(
      searchCategories(offered, cats, '燃气', { leavesOnly: false }).map((h) => h.category.code),
    ).toEqual(['04.04', '04.04.001', '04.04.002']);
  });

  it('browses level by level', () => {
    expect(childrenOf(offered, cats, null).map((h) => h.category.name)).toEqual([
      '住房管理',
      '公共服务',
      '紧急警情',
    ]);
    expect(childrenOf(offered, cats, '04.04').map((h) => h.category.code)).toEqual([
      '04.04.001',
      '04.04.002',
    ]);
  });

  it('picks a category typed in full, only when it is unambiguous and offered', () => {
    expect(exactCategory(offered, '燃气泄漏', { leavesOnly: true })?.code).toBe('04.04.001');
    expect(exactCategory(offered, ' 燃气泄漏 ', { leavesOnly: true })?.code).toBe('04.04.001');
    expect(exactCategory(offered, '04.04.002', { leavesOnly: true })?.name).toBe('燃气表故障');
    expect(exactCategory(offered, '燃气', { leavesOnly: true })).toBeNull(); // a class, not a leaf
    expect(exactCategory(offered, '燃气', { leavesOnly: false })?.code).toBe('04.04');
    expect(exactCategory(offered, '井盖位移报警', { leavesOnly: true })).toBeNull(); // hidden here
  });
});
