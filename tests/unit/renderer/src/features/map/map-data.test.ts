/** What the map's sources carry: in wall mode (masked) no name or phone number reaches a label or popup. */
import { describe, expect, it } from 'vitest';
import type { MapFeatures, MapOrders } from '../../../../../../shared/features/map/contract';
import { MOBILE_PATTERN } from '../../../../../../shared/kernel/masking';
import { featurePoints, orderPoints } from '../../../../../../renderer/src/features/map/map-data';
import { maskPhonesIn } from '../../../../../../renderer/src/features/map/map-mask';

const features: MapFeatures = {
  referenceVersion: 1,
  sites: [
    {
      id: 's1',
      name: '垂杨柳东里社区党群服务中心',
      kind: 'party_service_center',
      communityCode: 'c1',
      lng: 116.46,
      lat: 39.9,
      services: ['党员活动', '法律咨询'],
      openingHours: '周一至周五 8:30-17:30',
    },
  ],
  partyOrgs: [],
  units: [
    {
      id: 'u1',
      name: '双井街道城管执法队',
      kind: 'department',
      lng: 116.46,
      lat: 39.9,
      phone: '010-65551234',
      openOrders: 3,
    },
  ],
  workers: [
    {
      id: 'p1',
      name: '李静',
      role: 'grid_worker',
      gridCode: 'g1',
      phone: '13900000001',
      lng: 116.46,
      lat: 39.9,
    },
  ],
};

const orders: MapOrders = {
  asOf: 0,
  open: {
    id: ['o1', 'o2'],
    lng: [116.46, 116.47],
    lat: [39.9, 39.91],
    urgency: ['P0', 'P2'],
    status: ['received', 'in_progress'],
    overdue: [1, 0],
    iot: [0, 1],
    title: ['请回电 13812345678 李先生', '烟感告警'],
    gridCode: ['g1', null],
  },
  grids: [],
  ungridded: { closed: 0, other: 0 },
  totals: { open: 2, overdue: 1, closed: 0, other: 0 },
};

describe('map data in wall mode', () => {
  it('masks worker names and drops every phone number', () => {
    const masked = featurePoints(features, true);
    expect(masked.workers.features[0]?.properties).toMatchObject({
      label: '网格员 李*',
      name: '李*',
      phone: '',
    });
    expect(masked.units.features[0]?.properties.phone).toBe('');
    const text = JSON.stringify([masked, orderPoints(orders, true)]);
    expect(text).not.toContain('李静');
    expect(text).not.toMatch(MOBILE_PATTERN);
    expect(text).not.toContain('65551234');
  });

  it('shows them at the desk', () => {
    const full = featurePoints(features, false);
    expect(full.workers.features[0]?.properties).toMatchObject({
      label: '网格员 李静',
      phone: '13900000001',
    });
    expect(orderPoints(orders, false).features[0]?.properties.title).toBe('请回电 13812345678 李先生');
  });

  it('keeps only IoT orders in the IoT layer, with their flags', () => {
    const iot = orderPoints(orders, false, true);
    expect(iot.features.map((f) => f.properties.id)).toEqual(['o2']);
    expect(orderPoints(orders, false).features[0]?.properties).toMatchObject({ overdue: 1, urgency: 'P0' });
  });

  it('masks mobile and landline numbers inside free text', () => {
    expect(maskPhonesIn('电话 13812345678 或 010-65551234')).toBe('电话 138****5678 或 010****1234');
  });
});
