/**
 * 城市部件 (GB/T 30428) kinds the hall keeps, each with its code prefix, its Chinese name and the
 * catalogue leaves a report about it usually belongs to (路灯 → 路灯不亮 …), by leaf name so any
 * catalogue that names them is served.
 */
export const ASSET_KINDS = {
  manhole: { prefix: 'JG', name: '井盖', leaves: ['井盖缺失', '井盖破损', '井盖位移报警'] },
  streetlight: { prefix: 'LD', name: '路灯', leaves: ['路灯不亮', '路灯杆倾斜'] },
  trash_bin: { prefix: 'LJ', name: '垃圾箱', leaves: ['垃圾桶满溢'] },
  hydrant: { prefix: 'XH', name: '消火栓', leaves: ['消防设施损坏'] },
  camera: { prefix: 'JK', name: '监控', leaves: ['小区监控损坏'] },
  toilet: { prefix: 'GC', name: '公厕', leaves: ['公厕设施损坏', '公厕卫生差', '公厕管理'] },
  sign: { prefix: 'BZ', name: '交通标志', leaves: ['交通标志缺失'] },
  guardrail: { prefix: 'HL', name: '护栏', leaves: ['护栏损坏'] },
} as const;

export type AssetKind = keyof typeof ASSET_KINDS;
export const ASSET_KIND_KEYS = Object.keys(ASSET_KINDS) as AssetKind[];

/** A kind from its key or its Chinese name (井盖, 路灯 …); null when unknown. */
export function assetKindOf(text: string): AssetKind | null {
  const s = text.trim();
  if ((ASSET_KIND_KEYS as string[]).includes(s)) return s as AssetKind;
  return ASSET_KIND_KEYS.find((k) => ASSET_KINDS[k].name === s) ?? null;
}

export interface Asset {
  readonly code: string;
  readonly kind: AssetKind;
  readonly name: string;
  readonly lng: number;
  readonly lat: number;
  readonly communityCode: string | null;
  readonly gridCode: string | null;
  readonly road: string | null;
}
