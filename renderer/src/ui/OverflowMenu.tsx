import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface OverflowEntry {
  key: string;
  label: string;
  /** Shown as the item's tooltip (what it does). */
  hint?: string;
  disabled?: boolean;
  testId: string;
  onSelect: () => void;
}

/**
 * The toolbar's "More" menu: the items that do not fit the window, as an ARIA menu button
 * (WAI-ARIA APG "menu button"). Enter, Space or ↓ open it on the first item, ↑ on the last; ↑ ↓
 * Home End move; Enter or Space chooses; Escape closes and returns focus to the button; Tab or a
 * click elsewhere closes it. Choosing first puts focus back on the button, so a dialog the item
 * opens returns focus there when it closes.
 */
export function OverflowMenu({ entries, hidden }: { entries: readonly OverflowEntry[]; hidden: boolean }) {
  const [openState, setOpen] = useState<false | 'first' | 'last'>(false);
  // Nothing left to show (the window grew): the menu is closed.
  const open = entries.length === 0 ? false : openState;
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (open === false) return;
    const items = menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
    (open === 'first' ? items?.[0] : items?.[items.length - 1])?.focus();
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const choose = (entry: OverflowEntry) => {
    if (entry.disabled === true) return;
    setOpen(false);
    button.current?.focus();
    entry.onSelect();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') focus(at + 1);
    else if (event.key === 'ArrowUp') focus(at - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(items.length - 1);
    else if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <div className="toolbar-more" data-overflowed={hidden} aria-hidden={hidden || undefined}>
      <button
        ref={button}
        id={`${id}-button`}
        type="button"
        className="btn"
        data-testid="toolbar-more"
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open !== false ? `${id}-menu` : undefined}
        tabIndex={hidden ? -1 : undefined}
        title={`More: ${entries.map((e) => e.label.replace(/…$/, '')).join(', ')}`}
        onClick={() => setOpen((was) => (was === false ? 'first' : false))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        More
        <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="m4 6 4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open !== false && (
        <div ref={menu} id={`${id}-menu`} className="tools-menu-list toolbar-more-list" role="menu" aria-labelledby={`${id}-button`} data-testid="toolbar-more-menu" onKeyDown={onMenuKey}>
          {entries.map((entry) => (
            <button
              key={entry.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="tools-menu-item"
              data-testid={entry.testId}
              aria-disabled={entry.disabled === true || undefined}
              title={entry.hint}
              onClick={() => choose(entry)}
            >
              <span>{entry.label}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
