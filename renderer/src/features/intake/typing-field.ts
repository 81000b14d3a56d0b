/** Input types that take no typing: focus on one of them may be moved to the first field. */
const NOT_TYPED = new Set(['button', 'checkbox', 'radio', 'reset', 'submit', 'image', 'file', 'hidden']);

/**
 * Whether `el` is a field of `within` that the officer types or picks in (a text input, a
 * textarea, a select): the intake form does not move the focus away from one of these.
 */
/** What the check reads of an element: its tag and its type attribute. */
export interface FieldLike {
  readonly tagName: string;
  getAttribute(name: string): string | null;
}

export function isTypingField<E extends FieldLike>(
  el: E | null,
  within: { contains(node: E): boolean } | null,
): boolean {
  if (!el || !within || !within.contains(el)) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !NOT_TYPED.has((el.getAttribute('type') ?? 'text').toLowerCase());
}
