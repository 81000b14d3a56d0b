/** The party domain (issue 15 item 3): 积分 from an order, ranking, suggestion, time slots. */
import { describe, expect, it } from 'vitest';
import {
  assistCreditsOf,
  creditsOf,
  rank,
  satisfactionOfStars,
  skillsForCategory,
  slotAt,
  suggestMembers,
  type MemberFacts,
} from '../../../../../shared/features/party/party';
import { reduceOrder } from '../../../../../shared/features/orders/order-reducer';
import { CREATED, EventLog, P } from '../../fixtures';

/** 2026-03-10 is a Tuesday; China time = UTC+8. */
const at = (iso: string) => Date.parse(`${iso}+08:00`);

function loop(stars: number | null, done = true) {
  const log = new EventLog();
  log.add('created', { ...CREATED, source: 'volunteer' });
  log.add('volunteer_assigned', P.volunteerAssigned('M-1'));
  log.add('volunteer_accepted', P.volunteerAccepted('M-1'));
  if (done) log.add('replied', P.replied());
  if (stars !== null) log.add('volunteer_rated', P.volunteerRated(stars, satisfactionOfStars(stars)));
  return log;
}

describe('积分 of an order', () => {
  it('完成 +5 and 满意 +3 for the member who accepted; 基本满意 +1; 不满意 nothing more', () => {
    const o5 = reduceOrder(loop(5).events)!;
    expect(o5.status).toBe('closed');
    expect(creditsOf(o5).map((c) => [c.memberId, c.kind, c.points])).toEqual([
      ['M-1', 'done', 5],
      ['M-1', 'satisfied', 3],
    ]);
    expect(creditsOf(reduceOrder(loop(3).events)!).map((c) => c.points)).toEqual([5, 1]);
    expect(creditsOf(reduceOrder(loop(1).events)!).map((c) => c.points)).toEqual([5]);
  });
  it('nothing before 办结, and nothing for a site', () => {
    expect(creditsOf(reduceOrder(loop(null, false).events)!)).toEqual([]);
    const log = new EventLog();
    log.add('created', CREATED);
    log.add('volunteer_assigned', P.volunteerAssigned('site-1', 'site'));
    log.add('volunteer_accepted', P.volunteerAccepted('site-1'));
    log.add('replied', P.replied());
    expect(creditsOf(reduceOrder(log.events)!)).toEqual([]);
  });
  it('duplicated and shuffled deliveries of the same events credit once', () => {
    const events = loop(5).events;
    const replayed = reduceOrder([...events].reverse().concat(events, events.slice(1)))!;
    expect(creditsOf(replayed)).toEqual(creditsOf(reduceOrder(events)!));
  });
  it('a decline sends the order back to 待派单 and counts; a second rating is refused', () => {
    const log = new EventLog();
    log.add('created', CREATED);
    log.add('volunteer_assigned', P.volunteerAssigned('M-1'));
    log.add('volunteer_declined', P.volunteerDeclined('M-1'));
    const o = reduceOrder(log.events)!;
    expect(o).toMatchObject({
      status: 'received',
      volunteer: null,
      volunteerDeclines: 1,
      dispatchedAt: null,
    });
    const rated = loop(5);
    rated.add('volunteer_rated', P.volunteerRated(1, 'unsatisfied'));
    const twice = reduceOrder(rated.events)!;
    expect(twice.volunteer?.rating?.stars).toBe(5);
    expect(twice.rejected.map((r) => r.reason)).toEqual(['该工单已评单 (volunteer_rated: already_rated)']);
  });
  it('another member cannot accept the task', () => {
    const log = new EventLog();
    log.add('created', CREATED);
    log.add('volunteer_assigned', P.volunteerAssigned('M-1'));
    log.add('volunteer_accepted', P.volunteerAccepted('M-2'));
    expect(reduceOrder(log.events)!.status).toBe('dispatched');
  });
});

describe('ranking, stars, slots, suggestion', () => {
  it('ranks by points; ties share a rank', () => {
    const r = rank(
      new Map([
        ['a', { points: 8, tasks: 1 }],
        ['b', { points: 13, tasks: 2 }],
        ['c', { points: 8, tasks: 1 }],
        ['d', { points: 5, tasks: 1 }],
      ]),
    );
    expect(r.map((x) => [x.memberId, x.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
  it('stars → satisfaction', () => {
    expect([1, 2, 3, 4, 5].map(satisfactionOfStars)).toEqual([
      'unsatisfied',
      'unsatisfied',
      'basic',
      'satisfied',
      'satisfied',
    ]);
  });
  it('time slots in China time', () => {
    expect(slotAt(at('2026-03-10T10:00:00'))).toBe('weekday_day');
    expect(slotAt(at('2026-03-10T19:00:00'))).toBe('weekday_evening');
    expect(slotAt(at('2026-03-14T10:00:00'))).toBe('weekend');
    expect(slotAt(at('2026-03-10T23:00:00'))).toBeNull();
  });
  it('suggests by skill, community, availability and load; leaves out who declined', () => {
    const m = (id: string, over: Partial<MemberFacts>): MemberFacts => ({
      id,
      communityCode: 'C1',
      skills: [],
      slots: [],
      openTasks: 0,
      ...over,
    });
    const members = [
      m('far', { communityCode: 'C2', skills: ['助老陪护'] }),
      m('fit', { skills: ['助老陪护'], slots: ['weekday_day'] }),
      m('busy', { skills: ['助老陪护'], slots: ['weekday_day'], openTasks: 3 }),
      m('none', {}),
    ];
    const task = { need: 'elderly' as const, communityCode: 'C1', now: at('2026-03-10T10:00:00') };
    expect(suggestMembers(members, task).map((s) => s.id)).toEqual(['fit', 'busy', 'far', 'none']);
    expect(suggestMembers(members, task)[0]?.reasons).toEqual(['技能匹配 助老陪护', '本社区', '当前可服务']);
    expect(suggestMembers(members, task, new Set(['fit'])).map((s) => s.id)[0]).toBe('busy');
  });
});

describe('协办党员 on an ordinary order', () => {
  function assisted(members: string[], closeWith: 'satisfied' | 'basic' | 'unsatisfied' | null) {
    const log = new EventLog();
    log.add('created', CREATED);
    log.add('dispatched', P.dispatched('U-A'));
    for (const m of members) log.add('member_assist_added', P.assistAdded(m));
    log.add('signed', P.signed('U-A'));
    log.add('replied', P.replied());
    if (closeWith) {
      log.add('verified', P.verified(true));
      log.add('callback_recorded', P.callback(closeWith));
    }
    return log;
  }
  it('the reducer adds each member once and removes with a reason; null when none is left', () => {
    const log = new EventLog();
    log.add('created', CREATED);
    log.add('member_assist_added', P.assistAdded('M-1'));
    log.add('member_assist_added', P.assistAdded('M-2'));
    const dup = log.add('member_assist_added', P.assistAdded('M-1'));
    let o = reduceOrder(log.events)!;
    expect(o.assistMembers?.map((m) => m.id)).toEqual(['M-1', 'M-2']);
    expect(o.rejected.map((r) => r.eventId)).toEqual([dup.id]);
    log.add('member_assist_removed', P.assistRemoved('M-1'));
    log.add('member_assist_removed', P.assistRemoved('M-2'));
    o = reduceOrder(log.events)!;
    expect(o.assistMembers).toBeNull();
  });
  it('完成 +5 at 结案 and +3 for a 满意 回访 per member; +1 基本满意; nothing before 结案', () => {
    const closed = reduceOrder(assisted(['M-1', 'M-2'], 'satisfied').events)!;
    expect(assistCreditsOf(closed).map((c) => [c.memberId, c.kind, c.points, c.assist])).toEqual([
      ['M-1', 'done', 5, true],
      ['M-1', 'satisfied', 3, true],
      ['M-2', 'done', 5, true],
      ['M-2', 'satisfied', 3, true],
    ]);
    expect(assistCreditsOf(reduceOrder(assisted(['M-1'], 'basic').events)!).map((c) => c.points)).toEqual([
      5, 1,
    ]);
    expect(
      assistCreditsOf(reduceOrder(assisted(['M-1'], 'unsatisfied').events)!).map((c) => c.points),
    ).toEqual([5]);
    expect(assistCreditsOf(reduceOrder(assisted(['M-1'], null).events)!)).toEqual([]);
    // A volunteer task's own credits are not doubled by the assist rule (no assist members there).
    expect(creditsOf(closed)).toEqual([]);
  });
  it('skills from the category path; 本网格 before 本社区 in the reasons', () => {
    expect(skillsForCategory('公共服务/供水/停水')).toEqual(['水电维修', '家电维修']);
    expect(skillsForCategory('市容环境/噪音/施工噪音')).toEqual(['垃圾分类宣传', '心理疏导']);
    expect(skillsForCategory('其他')).toEqual([]);
    const members: MemberFacts[] = [
      { id: 'a', communityCode: 'C1', gridCode: 'G1', skills: ['水电维修'], slots: [], openTasks: 0 },
      { id: 'b', communityCode: 'C1', gridCode: 'G2', skills: ['水电维修'], slots: [], openTasks: 0 },
      { id: 'c', communityCode: 'C2', gridCode: null, skills: [], slots: [], openTasks: 2 },
    ];
    const r = suggestMembers(members, {
      need: null,
      skills: ['水电维修'],
      communityCode: 'C1',
      gridCode: 'G1',
      now: at('2026-03-10T10:00:00'),
    });
    expect(r.map((x) => [x.id, x.reasons])).toEqual([
      ['a', ['技能匹配 水电维修', '本网格']],
      ['b', ['技能匹配 水电维修', '本社区']],
      ['c', ['在办 2 件']],
    ]);
  });
});
