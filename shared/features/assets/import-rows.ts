/**
 * Reading an asset file (CSV or GeoJSON) into rows, each checked: a bad row is named with its
 * number and column in Chinese, and nothing of the file is taken while any row is bad. Pure.
 */
import { assetKindOf, type AssetKind } from './kinds';

export interface AssetRow {
  readonly code: string;
  readonly kind: AssetKind;
  readonly name: string;
  readonly lng: number;
  readonly lat: number;
  readonly road: string | null;
}

export interface RowError {
  /** 1-based data row (CSV: after the header; GeoJSON: the feature's position). */
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export const ASSET_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
export const MAX_ASSET_ROWS = 50_000;

const COLUMNS: Readonly<Record<string, keyof AssetRow>> = {
  code: 'code',
  编号: 'code',
  部件编号: 'code',
  kind: 'kind',
  类型: 'kind',
  部件类型: 'kind',
  name: 'name',
  名称: 'name',
  lng: 'lng',
  经度: 'lng',
  lon: 'lng',
  lat: 'lat',
  纬度: 'lat',
  road: 'road',
  道路: 'road',
};

const LABEL: Readonly<Record<keyof AssetRow, string>> = {
  code: '编号',
  kind: '类型',
  name: '名称',
  lng: '经度',
  lat: '纬度',
  road: '道路',
};

/** One CSV line into cells (double quotes, doubled quotes inside). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim());
}

export interface Bounds {
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;
}

function checkRow(
  raw: Partial<Record<keyof AssetRow, unknown>>,
  row: number,
  bounds: Bounds | null,
  errors: RowError[],
): AssetRow | null {
  const before = errors.length;
  const err = (col: keyof AssetRow, message: string) => errors.push({ row, column: LABEL[col], message });
  const str = (v: unknown): string =>
    typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
  const code = str(raw.code);
  if (!code) err('code', '编号不能为空');
  else if (!ASSET_CODE.test(code)) err('code', `编号“${code.slice(0, 40)}”只能包含字母、数字和 _ . -`);
  const kind = assetKindOf(str(raw.kind));
  if (!kind)
    err(
      'kind',
      `类型“${str(raw.kind).slice(0, 20)}”不是已知的部件类型（如 井盖、路灯、垃圾箱、消火栓、监控、公厕）`,
    );
  const name = str(raw.name).slice(0, 100);
  const num = (col: 'lng' | 'lat'): number => {
    const v = typeof raw[col] === 'number' ? (raw[col] as number) : Number(str(raw[col]));
    if (str(raw[col]) === '' || !Number.isFinite(v)) {
      err(col, `${LABEL[col]}不是数字`);
      return NaN;
    }
    return v;
  };
  const lng = num('lng');
  const lat = num('lat');
  if (Number.isFinite(lng) && Number.isFinite(lat) && bounds) {
    if (lng < bounds.minLng || lng > bounds.maxLng) err('lng', `经度 ${lng} 不在本街道范围内`);
    if (lat < bounds.minLat || lat > bounds.maxLat) err('lat', `纬度 ${lat} 不在本街道范围内`);
  }
  const road = str(raw.road).slice(0, 60) || null;
  if (errors.length > before || !kind) return null;
  return { code, kind, name: name || code, lng, lat, road };
}

/** Reads a CSV (UTF-8, header row) or GeoJSON FeatureCollection of points. */
export function readAssetFile(
  format: 'csv' | 'geojson',
  text: string,
  bounds: Bounds | null,
): { rows: AssetRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: AssetRow[] = [];
  const seen = new Map<string, number>();
  const take = (r: AssetRow | null, row: number) => {
    if (!r) return;
    const first = seen.get(r.code);
    if (first !== undefined) {
      errors.push({ row, column: '编号', message: `编号“${r.code}”与第 ${first} 行重复` });
      return;
    }
    seen.set(r.code, row);
    rows.push(r);
  };
  if (format === 'csv') {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const header = cells(lines[0] ?? '').map((h) => COLUMNS[h] ?? null);
    for (const need of ['code', 'kind', 'lng', 'lat'] as const)
      if (!header.includes(need))
        errors.push({ row: 0, column: LABEL[need], message: `表头缺少“${LABEL[need]}”列` });
    if (errors.length) return { rows: [], errors };
    const body = lines.slice(1);
    if (body.length > MAX_ASSET_ROWS)
      return { rows: [], errors: [{ row: 0, column: '', message: `一次最多导入 ${MAX_ASSET_ROWS} 行` }] };
    body.forEach((line, i) => {
      if (!line.trim()) return;
      const c = cells(line);
      const raw: Partial<Record<keyof AssetRow, unknown>> = {};
      header.forEach((h, j) => {
        if (h) raw[h] = c[j] ?? '';
      });
      take(checkRow(raw, i + 1, bounds, errors), i + 1);
    });
    return { rows: errors.length ? [] : rows, errors };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { rows: [], errors: [{ row: 0, column: '', message: '文件不是有效的 GeoJSON' }] };
  }
  const features = (doc as { type?: unknown; features?: unknown }).features;
  if ((doc as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray(features))
    return { rows: [], errors: [{ row: 0, column: '', message: 'GeoJSON 须为 FeatureCollection' }] };
  if (features.length > MAX_ASSET_ROWS)
    return { rows: [], errors: [{ row: 0, column: '', message: `一次最多导入 ${MAX_ASSET_ROWS} 个要素` }] };
  features.forEach((f: unknown, i) => {
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    const p = ((f as { properties?: unknown } | null)?.properties ?? {}) as Record<string, unknown>;
    if (!g || g.type !== 'Point' || !Array.isArray(g.coordinates)) {
      errors.push({ row: i + 1, column: '几何', message: '要素须为点（Point）' });
      return;
    }
    const [lng, lat] = g.coordinates as unknown[];
    take(
      checkRow(
        {
          code: p.code ?? p['编号'],
          kind: p.kind ?? p['类型'],
          name: p.name ?? p['名称'],
          road: p.road ?? p['道路'],
          lng,
          lat,
        },
        i + 1,
        bounds,
        errors,
      ),
      i + 1,
    );
  });
  return { rows: errors.length ? [] : rows, errors };
}
