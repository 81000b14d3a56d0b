/** The command palette's filter. Pure. */

/**
 * Items whose name or words contain every space-separated part of the filter, case-insensitive
 * ("派单", "sign", "queue over"), in their order.
 */
export function filterItems<T extends { readonly label: string; readonly words: string }>(
  items: readonly T[],
  text: string,
): T[] {
  const parts = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return [...items];
  return items.filter((i) => {
    const hay = `${i.label} ${i.words}`.toLowerCase();
    return parts.every((p) => hay.includes(p));
  });
}
