/**
 * The columns a 台账 (order ledger) import understands, their Chinese header aliases, and the
 * guess of which file column holds which field. Pure.
 */
export const IMPORT_FIELDS = [
  'number',
  'title',
  'text',
  'receivedAt',
  'category',
  'appealType',
  'community',
  'address',
  'lng',
  'lat',
  'status',
  'closedAt',
  'satisfaction',
  'unit',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column names as the UI and the per-row errors say them. */
export const FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  number: '工单编号',
  title: '标题',
  text: '诉求内容',
  receivedAt: '受理时间',
  category: '诉求分类',
  appealType: '诉求类型',
  community: '社区',
  address: '地址',
  lng: '经度',
  lat: '纬度',
  status: '状态',
  closedAt: '办结时间',
  satisfaction: '满意度',
  unit: '承办单位',
};

/** Header words seen in real ledgers, most specific first (a header is matched once). */
const ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  number: ['工单编号', '工单号', '诉求编号', '编号', '单号', '序号'],
  title: ['标题', '诉求标题', '工单标题', '主题', '事项'],
  text: ['诉求内容', '来电内容', '问题描述', '反映内容', '内容', '描述', '详情'],
  receivedAt: [
    '受理时间',
    '来电时间',
    '登记时间',
    '派单时间',
    '接收时间',
    '上报时间',
    '创建时间',
    '日期',
    '时间',
  ],
  category: ['诉求分类', '问题分类', '事项分类', '分类', '类别', '类型'],
  appealType: ['诉求类型', '诉求性质', '来电类型', '性质'],
  community: ['所属社区', '社区', '村居'],
  address: ['诉求地址', '事发地址', '发生地址', '地址', '地点', '位置'],
  lng: ['经度', 'lng', 'lon', 'longitude', 'x'],
  lat: ['纬度', 'lat', 'latitude', 'y'],
  status: ['办理状态', '工单状态', '状态'],
  closedAt: ['办结时间', '结案时间', '完成时间', '关闭时间', '回复时间'],
  satisfaction: ['满意度', '是否满意', '评价', '回访结果'],
  unit: ['承办单位', '责任单位', '处置单位', '办理单位', '主办单位'],
};

/** Which column index (0-based) holds each field; absent = not in the file. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

function norm(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

/**
 * Guesses the mapping from the header row: an exact alias first, then a header containing an
 * alias; each column is used once, fields in the order of IMPORT_FIELDS' specificity.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const hs = headers.map(norm);
  const used = new Set<number>();
  const out: ColumnMapping = {};
  // Specific fields first so 办结时间 is not taken by 受理时间's '时间'.
  const order: ImportField[] = [
    'number',
    'closedAt',
    'receivedAt',
    'appealType',
    'category',
    'title',
    'text',
    'community',
    'address',
    'lng',
    'lat',
    'status',
    'satisfaction',
    'unit',
  ];
  for (const pass of ['exact', 'contains'] as const) {
    for (const f of order) {
      if (out[f] !== undefined) continue;
      for (const alias of ALIASES[f]) {
        const a = norm(alias);
        const i = hs.findIndex(
          (h, k) => !used.has(k) && h !== '' && (pass === 'exact' ? h === a : a.length >= 2 && h.includes(a)),
        );
        if (i >= 0) {
          out[f] = i;
          used.add(i);
          break;
        }
      }
    }
  }
  return out;
}
