/**
 * A ledger's category cell → a catalogue code: a code ("03.02.004"), a name at any level
 * ("占道经营"), or a path at any depth ("城乡建设/市容环境/占道经营", "市容环境-占道经营").
 * Pure; built once per import from the catalogue.
 */
export interface CatalogueEntry {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
}

const SEPARATORS = /\s*[/\\>＞|｜→\-—–]+\s*/;

function clean(s: string): string {
  return s.replace(/\s+/g, '');
}

export class CategoryResolver {
  private readonly byCode = new Map<string, CatalogueEntry>();
  private readonly byName = new Map<string, CatalogueEntry[]>();

  constructor(entries: readonly CatalogueEntry[]) {
    for (const e of entries) {
      this.byCode.set(e.code, e);
      const k = clean(e.name);
      const list = this.byName.get(k);
      if (list) list.push(e);
      else this.byName.set(k, [e]);
    }
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The code for a cell, or null when it names nothing (or several things) in the catalogue. */
  resolve(cell: string): string | null {
    const s = cell.trim();
    if (s === '') return null;
    if (this.byCode.has(s)) return s;
    const whole = this.byName.get(clean(s));
    if (whole && whole.length === 1) return (whole[0] as CatalogueEntry).code;
    const parts = s
      .split(SEPARATORS)
      .map(clean)
      .filter((p) => p !== '');
    if (parts.length < 2) return null;
    const leafName = parts[parts.length - 1] as string;
    const candidates = (this.byName.get(leafName) ?? []).filter((c) => this.ancestorsMatch(c, parts));
    return candidates.length === 1 ? (candidates[0] as CatalogueEntry).code : null;
  }

  /** The path's earlier parts name the entry's ancestors, nearest last (levels may be skipped). */
  private ancestorsMatch(entry: CatalogueEntry, parts: readonly string[]): boolean {
    let at: CatalogueEntry | undefined = entry.parentCode ? this.byCode.get(entry.parentCode) : undefined;
    for (let i = parts.length - 2; i >= 0; i--) {
      const want = parts[i] as string;
      while (at && clean(at.name) !== want) at = at.parentCode ? this.byCode.get(at.parentCode) : undefined;
      if (!at) return false;
      at = at.parentCode ? this.byCode.get(at.parentCode) : undefined;
    }
    return true;
  }
}
