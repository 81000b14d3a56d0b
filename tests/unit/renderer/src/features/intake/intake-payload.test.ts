import { describe, expect, it } from 'vitest';
import {
  categoryMap,
  offeredCategories,
} from '../../../../../../renderer/src/features/intake/category-search';
import { emptyDraft, type IntakeDraft } from '../../../../../../renderer/src/features/intake/intake-draft';
import {
  beijingLocalToEpoch,
  buildCreateInput,
  epochToBeijingLocal,
  refusalView,
  urgencyOf,
  type PayloadContext,
} from '../../../../../../renderer/src/features/intake/intake-payload';
import { OrdersCreateInput } from '../../../../../../shared/features/orders/contract';
import type { Category } from '../../../../../../shared/features/reference/catalogue';
import type { PersonRef } from '../../../../../../shared/features/reference/contract';
import { ApiError } from '../../../../../../shared/kernel/api-error';

const CATS: Category[] = [
  { code: '04', name: '公共服务', level: 1, parentCode: null, defaultUrgency: 'P2' },
  { code: '04.04', name: '燃气', level: 2, parentCode: '04', defaultUrgency: 'P2' },
  {
    code: '04.04.001',
    name: '燃气泄漏',
    level: 3,
    parentCode: '04.04',
    defaultUrgency: 'P1',
    questions: [
      { id: 'smell', text: '是否闻到明显的燃气味', kind: 'yesno', required: true },
      {
        id: 'trapped',
        text: '是否有人员被困',
        kind: 'yesno',
        required: true,
        escalate: { answer: '是', urgency: 'P0' },
      },
      { id: 'note', text: '补充', kind: 'text' },
    ],
  },
  { code: '04.04.002', name: '燃气表故障', level: 3, parentCode: '04.04', defaultUrgency: 'P2' },
  { code: '13', name: '紧急警情', level: 1, parentCode: null, defaultUrgency: 'P2' },
  { code: '13.01', name: '火警', level: 2, parentCode: '13', defaultUrgency: 'P2' },
  {
    code: '13.01.001',
    name: '正在起火冒烟',
    level: 3,
    parentCode: '13.01',
    defaultUrgency: 'P0',
    emergency: { service: '119', notice: '请拨打 119' },
  },
  { code: '14', name: '感知与巡查', level: 1, parentCode: null, defaultUrgency: 'P2' },
  { code: '14.01', name: '物联告警', level: 2, parentCode: '14', defaultUrgency: 'P2' },
  {
    code: '14.01.001',
    name: '井盖位移报警',
    level: 3,
    parentCode: '14.01',
    defaultUrgency: 'P1',
    staffOnly: true,
  },
];
const cats = categoryMap(CATS);
const NOW = Date.UTC(2026, 11, 6, 10, 0);
const WORKER: PersonRef = {
  id: 'P0001',
  name: '李静',
  role: 'grid_worker',
  unitId: null,
  communityCode: '110105016059',
  gridCode: '11010501605901',
};

function ctx(channel: IntakeDraft['channel']): PayloadContext {
  return {
    cats,
    offered: new Set(offeredCategories(CATS, channel).map((c) => c.code)),
    gridWorkers: [WORKER],
    now: NOW,
  };
}

const walkIn: IntakeDraft = {
  ...emptyDraft('WO20261206NABCDEFGH', NOW),
  channel: 'walk_in',
  categoryCode: '04.04.001',
  categoryText: '燃气泄漏',
  citizenName: '王芳',
  citizenPhone: '13812345678',
  address: '垂杨柳东里3号楼',
  answers: { smell: '是', trapped: '否' },
};

describe('building orders.create from the draft', () => {
  it('takes a call on behalf of a caller: the core schema accepts what the form sends', () => {
    const res = buildCreateInput(walkIn, ctx('walk_in'));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.input).toMatchObject({
      orderId: 'WO20261206NABCDEFGH',
      order: {
        source: 'walk_in',
        categoryCode: '04.04.001',
        urgency: 'P1',
        title: '垂杨柳东里3号楼燃气泄漏', // the suggested title, the title box left empty
        citizen: { name: '王芳', phone: '13812345678' },
        anonymous: false,
        callbackConsent: true,
        answers: { smell: '是', trapped: '否' },
        lng: null,
        lat: null,
        upstreamId: null,
      },
    });
    expect(OrdersCreateInput.safeParse(res.input).success).toBe(true);
  });

  it('names every missing field of the channel, in form order', () => {
    const res = buildCreateInput(
      { ...walkIn, citizenName: '', citizenPhone: '12', answers: {}, address: '' },
      ctx('walk_in'),
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems).toEqual([
      { field: 'citizenName', key: 'intake.problem.needName' },
      { field: 'citizenPhone', key: 'intake.problem.phoneFormat' },
      { field: 'answers.smell', key: 'intake.problem.needAnswer' },
      { field: 'answers.trapped', key: 'intake.problem.needAnswer' },
      // No title problem: the suggested title (the category's name) stands in.
      { field: 'address', key: 'intake.problem.needAddress' },
    ]);
  });

  it('keeps no name or phone of an anonymous caller, and makes no call-back', () => {
    const res = buildCreateInput({ ...walkIn, anonymous: true }, ctx('walk_in'));
    expect(res.ok && res.input.order).toMatchObject({
      citizen: null,
      anonymous: true,
      callbackConsent: false,
    });
    if (res.ok) expect(OrdersCreateInput.safeParse(res.input).success).toBe(true);
  });

  it('diverts an emergency category before anything is sent', () => {
    const res = buildCreateInput({ ...walkIn, categoryCode: '13.01.001', answers: {} }, ctx('walk_in'));
    expect(res).toMatchObject({ ok: false, emergency: true });
    if (!res.ok) expect(res.problems).toContainEqual({ field: 'category', key: 'intake.problem.emergency' });
  });

  it('refuses a staff-only category on a citizen channel and takes it on a staff one', () => {
    const lid = { ...walkIn, categoryCode: '14.01.001', answers: {} };
    const refused = buildCreateInput(lid, ctx('walk_in'));
    expect(!refused.ok && refused.problems).toContainEqual({
      field: 'category',
      key: 'intake.problem.staffOnly',
    });
    const iot = buildCreateInput({ ...lid, channel: 'iot', deviceId: 'MH-0231' }, ctx('iot'));
    expect(iot.ok && iot.input.order).toMatchObject({ source: 'iot', deviceId: 'MH-0231', citizen: null });
    expect(iot.ok && 'anonymous' in iot.input.order).toBe(false);
    expect(buildCreateInput({ ...lid, channel: 'iot' }, ctx('iot'))).toMatchObject({
      ok: false,
      problems: [{ field: 'deviceId', key: 'intake.problem.needDevice' }],
    });
  });

  it('takes a 12345 order with its upstream number and a future deadline; required answers are not forced', () => {
    const hot = { ...walkIn, channel: 'hotline' as const, citizenName: '', citizenPhone: '', answers: {} };
    expect(buildCreateInput(hot, ctx('hotline'))).toMatchObject({
      ok: false,
      problems: [{ field: 'upstreamId', key: 'intake.problem.needUpstreamId' }],
    });
    const past = buildCreateInput(
      { ...hot, upstreamId: '12345-1', upstreamDeadline: '2026-12-06T17:59' },
      ctx('hotline'),
    );
    expect(!past.ok && past.problems).toEqual([
      { field: 'upstreamDeadline', key: 'intake.problem.deadlinePast' },
    ]);
    const ok = buildCreateInput(
      { ...hot, upstreamId: '12345-1', upstreamDeadline: '2026-12-08T18:00' },
      ctx('hotline'),
    );
    expect(ok.ok && ok.input.order).toMatchObject({
      source: 'hotline',
      upstreamId: '12345-1',
      upstreamDeadline: Date.UTC(2026, 11, 8, 10, 0),
      citizen: null,
    });
    if (ok.ok) expect(OrdersCreateInput.safeParse(ok.input).success).toBe(true);
  });

  it('names the grid worker of a grid report in its text, and sends a point or an area', () => {
    const grid = {
      ...walkIn,
      channel: 'grid' as const,
      categoryCode: '04.04.002',
      answers: {},
      description: '表箱冒烟',
    };
    expect(buildCreateInput(grid, ctx('grid'))).toMatchObject({
      ok: false,
      problems: [{ field: 'reporterId', key: 'intake.problem.needReporter' }],
    });
    const withPoint = buildCreateInput({ ...grid, reporterId: 'P0001', point: [116.47, 39.89] }, ctx('grid'));
    expect(withPoint.ok && withPoint.input.order).toMatchObject({
      description: '表箱冒烟',
      reporterId: 'P0001',
      lng: 116.47,
      lat: 39.89,
      communityCode: null,
      gridCode: null,
      citizen: null,
    });
    const area = buildCreateInput(
      { ...grid, reporterId: 'P0001', communityCode: '110105016059', gridCode: '11010501605901' },
      ctx('grid'),
    );
    expect(area.ok && area.input.order).toMatchObject({
      lng: null,
      communityCode: '110105016059',
      gridCode: '11010501605901',
    });
  });
});

describe('urgency', () => {
  it('defaults from the category, follows the officer, and is raised by an answer', () => {
    expect(urgencyOf(cats, { categoryCode: '04.04.001', urgency: null, answers: {} })).toMatchObject({
      base: 'P1',
      effective: 'P1',
    });
    expect(urgencyOf(cats, { categoryCode: '04.04.001', urgency: 'P3', answers: {} }).effective).toBe('P3');
    const raised = urgencyOf(cats, { categoryCode: '04.04.001', urgency: null, answers: { trapped: '是' } });
    expect(raised).toMatchObject({ base: 'P1', effective: 'P0' });
    expect(raised.escalations.map((e) => e.question.id)).toEqual(['trapped']);
    expect(urgencyOf(cats, { categoryCode: null, urgency: null, answers: {} }).effective).toBe('P2');
  });
});

describe('Beijing time of the deadline box', () => {
  it('reads a datetime-local value as Beijing time and refuses impossible dates', () => {
    expect(beijingLocalToEpoch('2026-12-08T18:00')).toBe(Date.UTC(2026, 11, 8, 10, 0));
    expect(epochToBeijingLocal(Date.UTC(2026, 11, 8, 10, 0))).toBe('2026-12-08T18:00');
    expect(beijingLocalToEpoch('2026-02-31T10:00')).toBeNull();
    expect(beijingLocalToEpoch('2026-12-08')).toBeNull();
    expect(beijingLocalToEpoch('')).toBeNull();
  });
});

describe('where a refusal of the core shows', () => {
  it('by reason and field, never by text', () => {
    expect(refusalView(new ApiError('emergency_category', { params: { service: '120' } }))).toEqual({
      kind: 'emergency',
      service: '120',
    });
    expect(refusalView(new ApiError('staff_only_category'))).toMatchObject({
      kind: 'field',
      field: 'category',
    });
    expect(
      refusalView(ApiError.why('invalid_input', '请回答：是否有人员被困', 'order.answers.trapped')),
    ).toEqual({
      kind: 'field',
      field: 'answers.trapped',
      key: 'intake.problem.needAnswer',
    });
    expect(refusalView(ApiError.why('invalid_input', 'x', 'order.citizen.phone'))).toMatchObject({
      field: 'citizenPhone',
      key: null,
    });
    expect(
      refusalView(
        new ApiError('unknown_reference', { field: 'order.gridCode', params: { what: '网格编码', id: 'x' } }),
      ),
    ).toMatchObject({
      field: 'address',
    });
    expect(refusalView(new ApiError('internal'))).toEqual({ kind: 'general' });
  });
});
