/** Units, people, party organisations and service sites. */
import type { LngLat } from './jurisdiction';

export type UnitKind =
  | 'department' // 职能部门 (城管, 住建, 市场监管 …)
  | 'community_office' // 社区居委会
  | 'property_company' // 物业公司
  | 'co_building_unit' // 党建协调委员会成员单位
  | 'utility' // 供水 / 供电 / 供热 / 燃气
  | 'street_office'; // 街道科室

export interface Unit {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  /** Communities the unit serves; empty = the whole street. */
  readonly communityCodes: readonly string[];
  readonly location: LngLat;
  readonly phone: string;
  /** 需求清单 / 资源清单 / 项目清单 of co-building units (empty for others). */
  readonly needs: readonly string[];
  readonly resources: readonly string[];
  readonly projects: readonly string[];
}

export type PersonRole =
  | 'grid_worker' // 网格员
  | 'unit_staff' // 单位工作人员
  | 'community_worker' // 社工
  | 'party_member' // 双报到党员
  | 'duty_officer'; // 值班员

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly role: PersonRole;
  readonly unitId: string | null;
  readonly gridCode: string | null;
  readonly communityCode: string | null;
  /** 双报到: registered at a home community by an in-service party member. */
  readonly dualRegistered: boolean;
  readonly skills: readonly string[];
  readonly serviceHours: number;
  readonly points: number;
  readonly home: LngLat | null;
}

export type PartyOrgLevel =
  | 'street_committee' // 街道党工委
  | 'community_committee' // 社区党委
  | 'grid_branch' // 网格党支部
  | 'building_group' // 楼栋党小组
  | 'member_household'; // 党员中心户

export interface PartyOrg {
  readonly id: string;
  readonly name: string;
  readonly level: PartyOrgLevel;
  readonly parentId: string | null;
  /** The geography it is aligned with: street, community, grid or building code. */
  readonly areaCode: string;
  readonly secretaryId: string | null;
  readonly memberCount: number;
}

export type SiteKind = 'party_service_center' | 'red_station'; // 党群服务中心 / 红色驿站

export interface Site {
  readonly id: string;
  readonly name: string;
  readonly kind: SiteKind;
  readonly communityCode: string;
  readonly location: LngLat;
  readonly services: readonly string[];
  readonly openingHours: string;
}
