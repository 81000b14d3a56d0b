/** Synthetic Chinese names and reserved synthetic phone ranges (see resources/demo/README.md). */
import type { Rng } from './random';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅文辉鹏飞丹萍斌宇浩凯秀珍俊峰建华海燕雪梅晨曦子涵欣怡一鸣思远佳琪雨桐浩然梓轩淑芬国强春生德明立新振华玉兰秋菊冬梅';

const SURNAME_CHARS = Array.from(SURNAMES);
const GIVEN_CHARS = Array.from(GIVEN);

export function personName(rng: Rng): string {
  // Surnames are roughly Zipf-distributed: favour the head of the list.
  const s = SURNAME_CHARS[Math.floor(SURNAME_CHARS.length * rng.next() ** 2)] as string;
  const g1 = rng.pick(GIVEN_CHARS);
  return rng.chance(0.7) ? s + g1 + rng.pick(GIVEN_CHARS) : s + g1;
}

/** Staff and volunteers: 1390000xxxx, sequential so they are unique. */
export function staffPhone(n: number): string {
  return `1390000${String(n % 10000).padStart(4, '0')}`;
}

/** Citizens: 1380000xxxx / 1370000xxxx, random (repeat callers are realistic). */
export function citizenPhone(rng: Rng): string {
  return `${rng.chance(0.5) ? '138' : '137'}0000${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

export function unitPhone(n: number): string {
  return `010-8000${String(n % 10000).padStart(4, '0')}`;
}
