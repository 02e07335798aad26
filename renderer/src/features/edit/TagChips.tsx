import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { FieldLimit, Issue } from '../../../../common/rules/index.js';
import { countCharacters, countUtf8Bytes } from '../../../../common/rules/index.js';
import { formatInteger } from '../../format.js';
import { addItems } from './field-parsing.js';
import { FieldCounter } from '../../ui/FieldCounter.js';
import { FieldIssues } from '../../ui/FieldIssues.js';
import './editor.css';

interface TagChipsProps {
  /** Base for element ids, e.g. "edit-tags". */
  id: string;
  /** "Tags", "Materials". */
  label: string;
  /** Singular noun for counts and buttons: "tag", "material". */
  noun: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  limit: FieldLimit | null;
  issues: readonly Issue[];
  disabled?: boolean;
}

/**
 * A chip list: type and press Enter or a comma to add (pasting "a, b, c" adds three), × removes.
 * Every chip shows its length against the marketplace's per-item limit (Etsy: 20 characters) and
 * the list its count against the item limit (Etsy: 13 tags).
 */
export function TagChips({ id, label, noun, items, onChange, limit, issues, disabled = false }: TagChipsProps) {
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const itemMax = limit?.itemMax;
  const add = (typed: string) => {
    const result = addItems(items, typed);
    if (result.added.length > 0) onChange(result.list);
    setNote(result.duplicates.length > 0 ? `Already there: ${result.duplicates.join(', ')}` : null);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      if (text.trim() !== '') add(text);
    }
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text');
    if (/[,\n]/.test(pasted)) {
      e.preventDefault();
      add(text + pasted);
    }
  };
  const remove = (index: number) => {
    onChange(items.filter((_, i) => i !== index));
    setNote(null);
  };
  // Amazon limits search terms by UTF-8 bytes of the list joined with spaces, not by count.
  const byBytes = limit?.unit === 'bytes';
  const listLimit: FieldLimit | null = limit === null ? null : byBytes ? limit : { ...limit, unit: 'items' };
  const listCount = byBytes ? countUtf8Bytes(items.join(' ')) : items.length;
  const typingCount = countCharacters(text.trim());
  const describedBy = `${id}-count ${id}-issues${note !== null ? ` ${id}-note` : ''}`;
  return (
    <div className="field-row chips-field" data-testid={`${id}-field`}>
      <div className="field-head">
        <label htmlFor={`${id}-input`} className="field-name">
          {label}
        </label>
        <span className="field-counts">
          {byBytes && (
            <span className="counter">
              {formatInteger(items.length)} {items.length === 1 ? noun : `${noun}s`} ·{' '}
            </span>
          )}
          <FieldCounter id={`${id}-count`} count={listCount} limit={listLimit} unit={byBytes ? 'bytes' : 'items'} itemWord={noun} testId={`${id}-count`} />
        </span>
      </div>
      <div className={`chips${disabled ? ' disabled' : ''}`}>
        <ul className="chip-items" aria-label={`Current ${label.toLowerCase()}`}>
          {items.map((item, i) => {
            const len = countCharacters(item);
            const over = itemMax !== undefined && len > itemMax;
            return (
              <li key={`${i}-${item}`} className={`edit-chip${over ? ' over' : ''}`} data-testid={`${id}-chip`}>
                <span className="edit-chip-text">{item}</span>
                {itemMax !== undefined && (
                  <span className="edit-chip-count" aria-label={`${len} of ${itemMax} characters${over ? ', too long' : ''}`}>
                    {len}/{itemMax}
                  </span>
                )}
                <button
                  type="button"
                  className="edit-chip-remove"
                  aria-label={`Remove ${noun} ${item}`}
                  title={`Remove ${noun}`}
                  disabled={disabled}
                  onClick={() => remove(i)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <span className="chip-entry">
          <input
            id={`${id}-input`}
            className="chip-input"
            value={text}
            disabled={disabled}
            placeholder={items.length === 0 ? `Add ${noun}s — Enter or comma` : `Add ${noun}…`}
            aria-describedby={describedBy}
            maxLength={1000}
            onChange={(e) => {
              setText(e.target.value);
              setNote(null);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onBlur={() => {
              if (text.trim() !== '') add(text);
            }}
          />
          {itemMax !== undefined && text.trim() !== '' && (
            <span className={`chip-typing-count${typingCount > itemMax ? ' over' : ''}`} aria-hidden="true">
              {formatInteger(typingCount)}/{itemMax}
            </span>
          )}
        </span>
      </div>
      {note !== null && (
        <p id={`${id}-note`} className="field-note">
          {note}
        </p>
      )}
      <FieldIssues id={`${id}-issues`} issues={issues} testId={`${id}-issues`} />
    </div>
  );
}
