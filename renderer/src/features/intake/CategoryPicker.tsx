/**
 * The three-level category picker: a combobox. Typing searches names, keywords and codes (the
 * list shows each hit's path, its 110/119/120 diversion and 仅内部 badges); an empty box browses
 * level by level (↓ opens it; Enter on a class opens that, Backspace goes back up). Typing a full name picks it
 * without the list. ↑/↓ move, Enter picks, Esc closes the list (a second Esc closes the dialog).
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../shared/features/reference/catalogue';
import {
  childrenOf,
  exactCategory,
  pathOf,
  searchCategories,
  type CategoryHit,
  type CategoryMap,
} from './category-search';
import './intake.css';

export interface CategoryPickerProps {
  /** The categories that may be chosen here (a channel's offer). */
  readonly offered: readonly Category[];
  readonly cats: CategoryMap;
  /** An order needs a leaf; a template may name a class. */
  readonly leavesOnly: boolean;
  readonly value: string | null;
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly onChoose: (code: string | null, text: string) => void;
  readonly label: string;
  readonly testId: string;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
  readonly name?: string;
  readonly placeholder?: string;
}

export function CategoryPicker(props: CategoryPickerProps) {
  const { t } = useTranslation();
  const { offered, cats, leavesOnly, value, text } = props;
  const listId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [browse, setBrowse] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const chosen = value ? cats.get(value) : undefined;
  const searching = text.trim() !== '' && !(chosen && chosen.name === text);
  const hits: CategoryHit[] = useMemo(
    () =>
      searching
        ? searchCategories(offered, cats, text, { leavesOnly, limit: 14 })
        : childrenOf(offered, cats, browse),
    [searching, offered, cats, text, leavesOnly, browse],
  );
  const showList = open && hits.length > 0;
  const activeHit = showList ? hits[Math.min(active, hits.length - 1)] : undefined;

  const choose = (h: CategoryHit) => {
    const c = h.category;
    const pickable = !leavesOnly || c.level === 3;
    const hasChildren = offered.some((x) => x.parentCode === c.code);
    if (!pickable || (leavesOnly && hasChildren)) {
      // A class: open it (browsing), the box stays empty for the next level.
      setBrowse(c.code);
      props.onText('');
      setActive(0);
      setOpen(true);
      return;
    }
    props.onChoose(c.code, c.name);
    setBrowse(null);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const n = hits.length;
      if (n > 0) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && showList && activeHit) {
      // Picks from the list instead of submitting the form.
      e.preventDefault();
      choose(activeHit);
    } else if (e.key === 'Escape' && showList) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    } else if (e.key === 'ArrowRight' && !searching && activeHit && activeHit.category.level < 3) {
      // Into a class (for a picker where Enter would pick the class itself).
      e.preventDefault();
      setBrowse(activeHit.category.code);
      setActive(0);
    } else if ((e.key === 'Backspace' || e.key === 'ArrowLeft') && text === '' && browse !== null) {
      e.preventDefault();
      setBrowse(cats.get(browse)?.parentCode ?? null);
      setActive(0);
    }
  };

  const onChange = (next: string) => {
    setOpen(true);
    setActive(0);
    const exact = exactCategory(offered, next, { leavesOnly });
    if (exact) {
      // Typed (or pasted) in full: chosen, and the list gets out of the way.
      props.onChoose(exact.code, next);
      setOpen(false);
      return;
    }
    props.onText(next);
    if (value !== null) props.onChoose(null, next);
  };

  return (
    <div className="intake-field cat-picker">
      <label htmlFor={`${listId}-input`}>{props.label}</label>
      <div className="cat-box">
        <input
          id={`${listId}-input`}
          ref={input}
          name={props.name}
          data-testid={props.testId}
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeHit ? `${listId}-${activeHit.category.code}` : undefined}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={errorId}
          autoComplete="off"
          maxLength={100}
          placeholder={props.placeholder ?? t('intake.category.placeholder')}
          value={text}
          disabled={props.disabled}
          onChange={(e) => onChange(e.target.value)}
          // Not on focus: a form that focuses the box must not cover the page with a list.
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {showList && (
          <ul className="cat-list" id={listId} role="listbox" data-testid={`${props.testId}-list`}>
            {!searching && browse !== null && (
              <li className="cat-crumb" aria-hidden="true">
                {pathOf(cats, browse)} › <span className="muted">{t('intake.category.backHint')}</span>
              </li>
            )}
            {hits.map((h, i) => (
              <li
                key={h.category.code}
                id={`${listId}-${h.category.code}`}
                role="option"
                aria-selected={h === activeHit}
                className={`cat-option${h === activeHit ? ' active' : ''}${h.emergency ? ' emergency' : ''}`}
                data-code={h.category.code}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  setActive(i);
                  choose(h);
                }}
              >
                <span className="cat-name">{h.category.name}</span>
                <span className="cat-path muted">{h.path}</span>
                {h.category.level < 3 && <span className="cat-more muted">›</span>}
                {h.emergency && <span className="pill cat-badge danger">{h.emergency}</span>}
                {h.staffOnly && <span className="pill cat-badge">{t('intake.category.staffOnly')}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <span className="cat-chosen" data-testid={`${props.testId}-path`}>
        {chosen ? pathOf(cats, chosen.code) : ''}
      </span>
      <span className="field-error" id={errorId} role={props.error ? 'alert' : undefined}>
        {props.error ?? ''}
      </span>
    </div>
  );
}
