/** The category table as editable text: one `service_code, 分类编码[, 紧急程度]` per line. */
import type { Open311ServiceMapping } from '../../../../shared/features/open311/contract';
import { URGENCIES, type Urgency } from '../../../../shared/features/orders/order';

export type MappingInput = {
  serviceCode: string;
  categoryCode: string;
  urgency?: Urgency;
};

export function mappingToText(rows: readonly Open311ServiceMapping[]): string {
  return rows.map((r) => `${r.serviceCode}, ${r.categoryCode}, ${r.urgency}`).join('\n');
}

const CATEGORY = /^\d{2}(\.\d{2}(\.\d{3})?)?$/;

export function parseMappingText(
  text: string,
): { readonly ok: true; readonly rows: MappingInput[] } | { readonly ok: false; readonly line: number } {
  const rows: MappingInput[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const [code, category, urgency, ...rest] = line.split(/[,，\t]/).map((s) => s.trim());
    if (!code || !category || !CATEGORY.test(category) || rest.length > 0) return { ok: false, line: i + 1 };
    if (urgency && !(URGENCIES as readonly string[]).includes(urgency)) return { ok: false, line: i + 1 };
    rows.push({
      serviceCode: code,
      categoryCode: category,
      ...(urgency ? { urgency: urgency as Urgency } : {}),
    });
  }
  return { ok: true, rows };
}
