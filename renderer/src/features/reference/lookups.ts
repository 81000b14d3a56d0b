import type { Category } from '../../../../shared/features/reference/catalogue';

/** "市容环境 / 噪音扰民 / 施工噪音" for "03.02.004"; unknown segments fall back to their code. */
export function categoryPath(cats: ReadonlyMap<string, Category>, code: string): string {
  const segs = code.split('.');
  const names: string[] = [];
  for (let i = 1; i <= segs.length; i++) {
    const c = segs.slice(0, i).join('.');
    names.push(cats.get(c)?.name ?? c);
  }
  return names.join(' / ');
}
