import { describe, expect, it } from 'vitest';
import { panelForKey, panelFromHash, type KeyLike } from '../../../../../renderer/src/shell/panels';

const key = (k: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...k,
});

describe('panel shortcuts', () => {
  it('F1..F4 and Alt+1..4 select the four panels in order', () => {
    expect(panelForKey(key({ key: 'F1' }))).toBe('awareness');
    expect(panelForKey(key({ key: 'F3' }))).toBe('dispatch');
    expect(panelForKey(key({ key: '2', code: 'Digit2', altKey: true }))).toBe('analysis');
    // Alt+4 on a layout where the key produces another character still works (code-based).
    expect(panelForKey(key({ key: '¢', code: 'Digit4', altKey: true }))).toBe('evaluation');
  });
  it('ignores other keys and modifiers', () => {
    expect(panelForKey(key({ key: 'F5' }))).toBeNull();
    expect(panelForKey(key({ key: '1', code: 'Digit1' }))).toBeNull();
    expect(panelForKey(key({ key: 'F1', ctrlKey: true }))).toBeNull();
    expect(panelForKey(key({ key: '1', code: 'Digit1', altKey: true, shiftKey: true }))).toBeNull();
  });
  it('reads the initial panel from the URL hash', () => {
    expect(panelFromHash('#dispatch')).toBe('dispatch');
    expect(panelFromHash('#nonsense')).toBe('awareness');
    expect(panelFromHash('')).toBe('awareness');
  });
});
