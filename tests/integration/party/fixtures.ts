/** The party tests' reference data: TINY_REF with 双报到 members, a 网格党支部, a 红色驿站. */
import type { ReferenceData } from '../../../shared/features/reference/reference';
import type { Person } from '../../../shared/features/reference/organisation';
import { TINY_REF } from '../store/fixtures';

export const EAST = '110105001001';
export const WEST = '110105001002';

export const member = (
  id: string,
  name: string,
  communityCode: string,
  skills: string[],
  points: number,
): Person => ({
  id,
  name,
  phone: '13900000000',
  role: 'party_member',
  unitId: null,
  gridCode: null,
  communityCode,
  dualRegistered: true,
  skills,
  serviceHours: 10,
  points,
  home: null,
});

/** TINY_REF with three 双报到 members, a 网格党支部, a 红色驿站 and the 社区服务 leaves. */
export const PARTY_REF: ReferenceData = {
  ...TINY_REF,
  people: [
    ...TINY_REF.people,
    member('m1', '李助老', EAST, ['助老陪护', '医疗护理'], 120),
    member('m2', '赵维修', EAST, ['水电维修'], 300),
    member('m3', '钱西区', WEST, ['助老陪护'], 50),
  ],
  partyOrgs: [
    ...TINY_REF.partyOrgs,
    {
      id: 'po-g1',
      name: '东一网格党支部',
      level: 'grid_branch',
      parentId: 'po1',
      areaCode: '110105001001-01',
      secretaryId: 'p1',
      memberCount: 30,
    },
  ],
  sites: [
    ...TINY_REF.sites,
    {
      id: 'site-red-1',
      name: '东社区红色驿站',
      kind: 'red_station',
      communityCode: EAST,
      location: [116.401, 39.901],
      services: ['饮水加热'],
      openingHours: '全天 24 小时',
    },
  ],
  categories: [
    ...TINY_REF.categories,
    { code: '03', name: '社区服务', level: 1, parentCode: null, defaultUrgency: 'P2' },
    { code: '03.01', name: '为老助残', level: 2, parentCode: '03', defaultUrgency: 'P2' },
    { code: '03.01.001', name: '独居老人帮扶', level: 3, parentCode: '03.01', defaultUrgency: 'P2' },
    { code: '03.02', name: '志愿服务', level: 2, parentCode: '03', defaultUrgency: 'P2' },
    { code: '03.02.001', name: '志愿者上门帮扶', level: 3, parentCode: '03.02', defaultUrgency: 'P2' },
  ],
};
