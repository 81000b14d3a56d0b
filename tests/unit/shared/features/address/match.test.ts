/** The pure matcher on a tiny hand-made gazetteer: numbers, sides, directions, normalisation. */
import { describe, expect, it } from 'vitest';
import {
  chineseNumber,
  distanceM,
  matchAddress,
  normaliseAddress,
  numberPoint,
  type Gazetteer,
} from '../../../../../shared/features/address/match';

// A road running 1 km east from (116.45, 39.89), numbered 1–99 odd (north side) and 2–100 even.
const road = {
  id: 'r1',
  name: '测试大街',
  line: [
    [116.45, 39.89],
    [116.4617, 39.89],
  ] as const,
  odd: [1, 99] as const,
  even: [2, 100] as const,
};
const gaz: Gazetteer = {
  roads: [road],
  buildings: [
    { name: '测试里3号楼', point: [116.452, 39.8905], communityCode: 'c1' },
    { name: '百货大楼', point: [116.455, 39.891], communityCode: 'c1' },
    { name: '百货大楼', point: [116.458, 39.891], communityCode: 'c1' },
  ],
  landmarks: [{ name: '测试桥', point: [116.46, 39.889], communityCode: 'c1', aliases: ['测试立交桥'] }],
  communities: [
    { code: 'c1', name: '测试里社区', point: [116.455, 39.892], communityCode: 'c1', aliases: ['测试城'] },
  ],
  prefixes: ['北京市', '朝阳区'],
};

describe('matchAddress', () => {
  it('reads Chinese numerals and full-width text, and drops the city prefix', () => {
    expect(chineseNumber('二十五')).toBe(25);
    expect(chineseNumber('一百零三')).toBe(103);
    expect(chineseNumber('十二')).toBe(12);
    expect(normaliseAddress('北京市朝阳区 测试大街 ２５号', gaz.prefixes)).toBe('测试大街25号');
    expect(normaliseAddress('测试大街二十五号')).toBe('测试大街25号');
  });

  it('puts odd numbers on the left of the line, even on the right, interpolated along it', () => {
    const n1 = numberPoint(road, 1);
    const n99 = numberPoint(road, 99);
    const n2 = numberPoint(road, 2);
    expect(n1.inRange).toBe(true);
    expect(n1.point[1]).toBeGreaterThan(39.89); // north = left of an eastward line
    expect(n2.point[1]).toBeLessThan(39.89);
    expect(distanceM(n1.point, n99.point)).toBeGreaterThan(900);
    expect(numberPoint(road, 301).inRange).toBe(false);
    const m = matchAddress(gaz, '测试大街51号')[0]!;
    expect(m).toMatchObject({ basis: 'road_number', number: 51, confidence: 0.9 });
    expect(matchAddress(gaz, '测试大街301号')[0]!.confidence).toBeLessThan(0.7);
  });

  it('moves a corner 60 m from the landmark, and is less sure of 对面', () => {
    const corner = matchAddress(gaz, '测试立交桥东南角')[0]!;
    expect(corner).toMatchObject({ basis: 'landmark', name: '测试桥', direction: 'se' });
    const d = distanceM([corner.lng, corner.lat], [116.46, 39.889]);
    expect(d).toBeGreaterThan(55);
    expect(d).toBeLessThan(65);
    expect(corner.lng).toBeGreaterThan(116.46);
    expect(corner.lat).toBeLessThan(39.889);
    expect(matchAddress(gaz, '测试桥对面')[0]!.confidence).toBeLessThan(corner.confidence);
  });

  it('takes an estate name for its community (测试城D区3号楼), doubts a name the street has twice', () => {
    expect(matchAddress(gaz, '测试城D区3号楼')[0]).toMatchObject({
      basis: 'building_number',
      name: '测试里3号楼',
    });
    expect(matchAddress(gaz, '百货大楼门口')[0]!.confidence).toBeLessThan(0.7);
    expect(matchAddress(gaz, '测试里社区')[0]).toMatchObject({ basis: 'community', confidence: 0.3 });
    expect(matchAddress(gaz, '别处大街1号')).toEqual([]);
  });
});
