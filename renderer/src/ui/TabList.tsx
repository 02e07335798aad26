import { useRef, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import './tab-list.css';

export interface Tab<T extends string> {
  id: T;
  label: ReactNode;
}

interface Props<T extends string> {
  tabs: readonly Tab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** Names the list (`aria-label`). */
  label: string;
  /** `view` gives the classes `view-tabs` / `view-tab` and the ids and test ids `view-tab-<id>`. */
  prefix: string;
  /** The id of the panel a tab shows. */
  panelId: (id: T) => string;
  as?: 'nav' | 'div';
  /** More attributes for one tab's button (e.g. loading its panel's code on hover). */
  tabProps?: (id: T) => HTMLAttributes<HTMLButtonElement> | undefined;
}

/** The tab that ← → Home End move to from tab `at` of `count`, or null for any other key. */
function nextTab(key: string, at: number, count: number): number | null {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * A WAI-ARIA tab list: one tab in the Tab order (the selected one); ← → Home End select and focus
 * another.
 */
export function TabList<T extends string>({ tabs, selected, onSelect, label, prefix, panelId, as: Tag = 'div', tabProps }: Props<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const next = nextTab(
      e.key,
      tabs.findIndex((t) => t.id === selected),
      tabs.length,
    );
    const target = next === null ? undefined : tabs[next];
    if (target === undefined) return;
    e.preventDefault();
    onSelect(target.id);
    refs.current.get(target.id)?.focus();
  };
  return (
    <Tag className={`${prefix}-tabs`} role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el === null) refs.current.delete(t.id);
            else refs.current.set(t.id, el);
          }}
          type="button"
          role="tab"
          id={`${prefix}-tab-${t.id}`}
          aria-selected={selected === t.id}
          aria-controls={panelId(t.id)}
          tabIndex={selected === t.id ? 0 : -1}
          className={`${prefix}-tab${selected === t.id ? ' on' : ''}`}
          data-testid={`${prefix}-tab-${t.id}`}
          onClick={() => onSelect(t.id)}
          onKeyDown={onKeyDown}
          {...tabProps?.(t.id)}
        >
          {t.label}
        </button>
      ))}
    </Tag>
  );
}
