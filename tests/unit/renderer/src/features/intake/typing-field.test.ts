import { describe, expect, it } from 'vitest';
import { isTypingField } from '../../../../../../renderer/src/features/intake/typing-field';

/** An element as the check sees it: its tag and type attribute. */
const el = (tagName: string, type?: string) => ({
  tagName,
  getAttribute: (name: string) => (name === 'type' ? (type ?? null) : null),
});

describe('isTypingField (the intake form never pulls the focus out of one)', () => {
  const inside = new Set<object>();
  const form = { contains: (node: unknown) => inside.has(node as object) };
  const mk = (tagName: string, type?: string) => {
    const e = el(tagName, type);
    inside.add(e);
    return e;
  };

  it('text inputs, textareas and selects of the form are typing fields', () => {
    for (const e of [
      mk('INPUT'),
      mk('input', 'text'),
      mk('INPUT', 'tel'),
      mk('INPUT', 'search'),
      mk('TEXTAREA'),
      mk('SELECT'),
    ])
      expect(isTypingField(e, form)).toBe(true);
  });

  it('radios, checkboxes, buttons, other elements, elements outside the form and nothing are not', () => {
    for (const e of [
      mk('INPUT', 'radio'),
      mk('INPUT', 'checkbox'),
      mk('INPUT', 'submit'),
      mk('BUTTON'),
      mk('DIALOG'),
    ])
      expect(isTypingField(e, form)).toBe(false);
    expect(isTypingField(el('INPUT', 'text'), form)).toBe(false); // not in the form
    expect(isTypingField(null, form)).toBe(false);
    expect(isTypingField(mk('INPUT'), null)).toBe(false);
  });
});
