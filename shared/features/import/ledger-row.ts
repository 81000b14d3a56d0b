/**
 * One ledger row → a closed historical order, or the row's problems in Chinese naming the row
 * and the column. Pure: the core supplies the catalogue and the communities.
 */
import type { AppealType, Satisfaction } from '../orders/order';
import { hasScriptMarkup } from '../orders/safe-text';
import { FIELD_LABELS, type ColumnMapping, type ImportField } from './fields';
import { parseLedgerTime } from './time';

export interface RowError {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  readonly row: number;
  /** The column's header in the file (or the field's name when the header is blank). */
  readonly column: string;
  readonly message: string;
}

export interface LedgerOrder {
  /** Stable across imports of the same row: the order id is derived from it. */
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly address: string;
  readonly receivedAt: number;
  readonly closedAt: number;
  readonly categoryCode: string;
  readonly appealType: AppealType;
  readonly communityCode: string | null;
  readonly lng: number | null;
  readonly lat: number | null;
  readonly satisfaction: Satisfaction | null;
  readonly unitName: string;
}

export interface RowContext {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  /** Category cell → code (null: not in the catalogue). */
  readonly category: (cell: string) => string | null;
  /** A person's mapping of unknown category texts to catalogue codes. */
  readonly categoryMap: Readonly<Record<string, string>>;
  /** Community cell (name or code) → code, null when unknown. */
  readonly community: (cell: string) => string | null;
  readonly now: number;
}

export type RowResult =
  | { readonly ok: true; readonly order: LedgerOrder }
  | { readonly ok: false; readonly errors: readonly RowError[]; readonly unknownCategory?: string };

const APPEAL_TYPES: ReadonlyArray<readonly [RegExp, AppealType]> = [
  [/咨询|询问/, 'consult'],
  [/投诉/, 'complaint'],
  [/举报/, 'report'],
  [/建议|意见/, 'suggestion'],
  [/求助|求决|诉求|反映/, 'help'],
];

const SATISFACTION: ReadonlyArray<readonly [RegExp, Satisfaction | null]> = [
  [/^(不满意|非常不满意|差|否)$/, 'unsatisfied'],
  [/^(基本满意|一般|较满意)$/, 'basic'],
  [/^(满意|非常满意|很满意|好|是)$/, 'satisfied'],
  [/^(未回访|无|未评价|-|—|\/)?$/, null],
];

/** Statuses of an unfinished order: history is closed orders only. */
const OPEN_STATUS = /办理中|处理中|未办结|未结案|待|退回|退单|挂账/;

const MAX_TITLE = 200;
const MAX_TEXT = 5000;
const MAX_ADDRESS = 300;

export function rowKey(cells: readonly string[], mapping: ColumnMapping): string {
  const n = mapping.number;
  const num = n === undefined ? '' : (cells[n] ?? '').trim();
  if (num !== '') return `n:${num}`;
  return `r:${cells.map((c) => c.trim()).join('\u0001')}`;
}

export function convertRow(cells: readonly string[], rowNumber: number, ctx: RowContext): RowResult {
  const errors: RowError[] = [];
  const cell = (f: ImportField): string => {
    const i = ctx.mapping[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const fail = (f: ImportField, message: string): void => {
    const i = ctx.mapping[f];
    const header = i === undefined ? '' : (ctx.headers[i] ?? '').trim();
    errors.push({ row: rowNumber, column: header || FIELD_LABELS[f], message });
  };
  const time = (f: ImportField): number | null => {
    const s = cell(f);
    if (s === '') return null;
    const t = parseLedgerTime(s);
    if (t === null) fail(f, `无法识别的时间「${s.slice(0, 40)}」`);
    else if (t > ctx.now + 24 * 3600_000) {
      fail(f, `时间「${s.slice(0, 40)}」晚于今天`);
      return null;
    }
    return t;
  };

  let title = cell('title');
  const description = cell('text');
  if (title === '' && description === '')
    fail(ctx.mapping.title !== undefined ? 'title' : 'text', '标题和诉求内容不能都为空');
  if (title === '') title = description.replace(/\s+/g, ' ').slice(0, 40);
  if (title.length > MAX_TITLE) fail('title', `标题超过 ${MAX_TITLE} 个字`);
  if (description.length > MAX_TEXT) fail('text', `诉求内容超过 ${MAX_TEXT} 个字`);
  const address = cell('address');
  if (address.length > MAX_ADDRESS) fail('address', `地址超过 ${MAX_ADDRESS} 个字`);
  for (const [f, v] of [
    ['title', title],
    ['text', description],
    ['address', address],
    ['unit', cell('unit')],
  ] as const) {
    if (hasScriptMarkup(v)) fail(f, '含有脚本或网页标记，已拒绝');
  }

  const receivedAt = time('receivedAt');
  if (receivedAt === null && cell('receivedAt') === '') fail('receivedAt', '受理时间不能为空');
  const closedRaw = time('closedAt');
  if (receivedAt !== null && closedRaw !== null && closedRaw < receivedAt)
    fail('closedAt', '办结时间早于受理时间');

  const status = cell('status');
  if (status !== '' && OPEN_STATUS.test(status))
    fail('status', `状态为「${status.slice(0, 20)}」，只能导入已办结的历史工单`);

  let unknownCategory: string | undefined;
  const catCell = cell('category');
  let categoryCode: string | null = null;
  if (catCell === '') fail('category', '诉求分类不能为空');
  else {
    categoryCode = ctx.category(catCell) ?? ctx.categoryMap[catCell] ?? null;
    if (categoryCode === null) {
      unknownCategory = catCell.slice(0, 100);
      fail('category', `分类「${catCell.slice(0, 40)}」不在分类目录中，请在下方指定对应分类或新建历史分类`);
    }
  }

  const typeCell = cell('appealType');
  let appealType: AppealType = 'help';
  if (typeCell !== '') {
    const hit = APPEAL_TYPES.find(([re]) => re.test(typeCell));
    if (hit) appealType = hit[1];
    else fail('appealType', `无法识别的诉求类型「${typeCell.slice(0, 20)}」(咨询/求助/投诉/举报/建议)`);
  }

  const satCell = cell('satisfaction').replace(/\s+/g, '');
  let satisfaction: Satisfaction | null = null;
  const satHit = SATISFACTION.find(([re]) => re.test(satCell));
  if (satHit) satisfaction = satHit[1];
  else fail('satisfaction', `无法识别的满意度「${satCell.slice(0, 20)}」(满意/基本满意/不满意)`);

  const communityCell = cell('community');
  const communityCode = communityCell === '' ? null : ctx.community(communityCell);

  const lngCell = cell('lng');
  const latCell = cell('lat');
  let lng: number | null = null;
  let lat: number | null = null;
  if (lngCell !== '' || latCell !== '') {
    const x = Number(lngCell);
    const y = Number(latCell);
    if (lngCell === '' || latCell === '') fail(lngCell === '' ? 'lng' : 'lat', '经度和纬度须同时填写');
    else if (!Number.isFinite(x) || x < 73 || x > 136)
      fail('lng', `经度「${lngCell.slice(0, 20)}」不在中国范围内`);
    else if (!Number.isFinite(y) || y < 3 || y > 54)
      fail('lat', `纬度「${latCell.slice(0, 20)}」不在中国范围内`);
    else {
      lng = x;
      lat = y;
    }
  }

  if (errors.length > 0 || receivedAt === null || categoryCode === null)
    return { ok: false, errors, ...(unknownCategory !== undefined ? { unknownCategory } : {}) };
  return {
    ok: true,
    order: {
      key: rowKey(cells, ctx.mapping),
      title,
      description,
      address,
      receivedAt,
      closedAt: closedRaw ?? receivedAt,
      categoryCode,
      appealType,
      communityCode,
      lng,
      lat,
      satisfaction,
      unitName: cell('unit').slice(0, 100),
    },
  };
}
