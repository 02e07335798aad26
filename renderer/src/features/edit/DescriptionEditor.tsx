import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DESCRIPTION_FORMAT } from '../../../../common/description-format.js';
import { MARKETPLACE_LABELS, type Marketplace } from '../../../../common/listing.js';
import { lossyTags, renderDescription, serializeDescription } from './description-html.js';

type View = 'formatted' | 'html';

interface DescriptionEditorProps {
  value: string;
  marketplace: Marketplace;
  disabled: boolean;
  invalid: boolean;
  /** The visible label's id (the formatted view is a div: it is labelled by reference). */
  labelId: string;
  describedBy: string;
  onChange: (html: string) => void;
}

const FORMATS: readonly { command: string; label: string; keys?: string; icon: string }[] = [
  { command: 'bold', label: 'Bold', keys: 'Control+B', icon: 'B' },
  { command: 'italic', label: 'Italic', keys: 'Control+I', icon: 'I' },
  { command: 'insertUnorderedList', label: 'Bulleted list', icon: '•' },
  { command: 'insertOrderedList', label: 'Numbered list', icon: '1.' },
];
const SAFE_LINK = /^(https?:\/\/|mailto:)\S+$/i;

/**
 * The description, edited as text with basic formatting (bold, italic, lists, links) or, in the
 * HTML view, as the HTML itself. What the formatted view writes back is sanitized to a small
 * allow-list every HTML marketplace accepts (description-html.ts); opening it changes nothing —
 * only typing or formatting rewrites the description. A marketplace that shows plain text (Amazon,
 * Etsy) gets the plain text box; a description holding what the formatted view cannot keep (tables,
 * images) opens in the HTML view and says why.
 */
export function DescriptionEditor({ value, marketplace, disabled, invalid, labelId, describedBy, onChange }: DescriptionEditorProps) {
  const html = DESCRIPTION_FORMAT[marketplace] === 'html';
  // Chosen once per listing (the parent keys this by listing id), never flipped while typing.
  const [chosen, setChosen] = useState<View>(() => (html && lossyTags(value).length === 0 ? 'formatted' : 'html'));
  const view: View = html ? chosen : 'html';
  const lossy = useMemo(() => (html && view === 'html' ? lossyTags(value) : []), [html, view, value]);
  const editable = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null>(null);
  const [pressed, setPressed] = useState<Record<string, boolean>>({});
  const [link, setLink] = useState<{ range: Range | null; url: string; error: boolean } | null>(null);

  // Shows the description in the formatted view, unless it is what the view itself just wrote.
  useLayoutEffect(() => {
    const el = editable.current;
    if (view !== 'formatted' || el === null || value === emitted.current) return;
    renderDescription(value, el);
    emitted.current = null;
  }, [value, view]);

  // Bold / italic / list buttons show the state of the selection.
  useEffect(() => {
    if (view !== 'formatted') return;
    const update = () => {
      const el = editable.current;
      if (el === null || !el.contains(document.getSelection()?.anchorNode ?? null)) return;
      const next = Object.fromEntries(FORMATS.map((f) => [f.command, document.queryCommandState(f.command)]));
      setPressed((prev) => (FORMATS.every((f) => prev[f.command] === next[f.command]) ? prev : next));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [view]);

  const emit = () => {
    const el = editable.current;
    if (el === null) return;
    const next = serializeDescription(el);
    emitted.current = next;
    onChange(next);
  };
  const format = (command: string) => {
    editable.current?.focus();
    document.execCommand(command);
    emit();
  };
  const applyLink = () => {
    if (link === null) return;
    const url = link.url.trim();
    if (!SAFE_LINK.test(url)) {
      setLink({ ...link, error: true });
      return;
    }
    editable.current?.focus();
    const selection = document.getSelection();
    if (selection !== null && link.range !== null) {
      selection.removeAllRanges();
      selection.addRange(link.range);
    }
    if (link.range !== null && !link.range.collapsed) document.execCommand('createLink', false, url);
    else {
      // No text selected: the address becomes the link's text (escaped; it has no spaces by the check above).
      const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      document.execCommand('insertHTML', false, `<a href="${escaped}">${escaped}</a>`);
    }
    setLink(null);
    emit();
  };

  const textarea = (
    <textarea
      id="edit-description"
      className={`input field-textarea${invalid ? ' invalid' : ''}`}
      value={value}
      disabled={disabled}
      rows={7}
      maxLength={500_000}
      spellCheck
      aria-labelledby={labelId}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  if (!html) {
    return (
      <>
        {textarea}
        <p className="field-hint" data-testid="description-plain-note">
          {MARKETPLACE_LABELS[marketplace]} shows descriptions as plain text, so there is no formatting here; line breaks are kept.
        </p>
      </>
    );
  }
  return (
    <div className="description-editor" data-testid="description-editor" data-view={view}>
      <div className="description-bar">
        <div className="description-views" role="group" aria-label="Description view">
          {(['formatted', 'html'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`chip${view === v ? ' on' : ''}`}
              aria-pressed={view === v}
              data-testid={`description-view-${v}`}
              onClick={() => {
                // The formatted view is rebuilt from the description when it shows again.
                emitted.current = null;
                setChosen(v);
              }}
            >
              {v === 'formatted' ? 'Formatted' : 'HTML'}
            </button>
          ))}
        </div>
        {view === 'formatted' && (
          <div className="description-tools" role="toolbar" aria-label="Formatting" aria-controls="edit-description">
            {FORMATS.map((f) => (
              <button
                key={f.command}
                type="button"
                className={`icon-button description-tool tool-${f.command}`}
                aria-label={f.label}
                title={f.keys ? `${f.label} (${f.keys.replace('Control', 'Ctrl')})` : f.label}
                aria-pressed={pressed[f.command] === true}
                aria-keyshortcuts={f.keys}
                disabled={disabled}
                data-testid={`description-${f.command}`}
                // Keep the selection in the text while the button is pressed.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => format(f.command)}
              >
                {f.icon}
              </button>
            ))}
            <button
              type="button"
              className="icon-button description-tool"
              aria-label="Link"
              title="Link (https:// or mailto: address)"
              disabled={disabled}
              data-testid="description-link"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                const selection = document.getSelection();
                const range = selection !== null && selection.rangeCount > 0 && editable.current?.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
                setLink({ range, url: 'https://', error: false });
              }}
            >
              <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M6.5 9.5 9.5 6.5M7 4.5l1-1a2.8 2.8 0 0 1 4 4l-1 1M9 11.5l-1 1a2.8 2.8 0 0 1-4-4l1-1" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
            </button>
          </div>
        )}
      </div>
      {link !== null && view === 'formatted' && (
        <div className="description-link-row">
          <label htmlFor="description-link-url" className="field-label">
            Link address
          </label>
          <input
            id="description-link-url"
            className={`input${link.error ? ' invalid' : ''}`}
            data-testid="description-link-url"
            value={link.url}
            aria-invalid={link.error}
            aria-describedby={link.error ? 'description-link-error' : undefined}
            ref={(el) => el?.focus()}
            onChange={(e) => setLink({ ...link, url: e.target.value, error: false })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setLink(null);
              }
            }}
          />
          <button type="button" className="btn" data-testid="description-link-apply" onClick={applyLink}>
            Add link
          </button>
          <button type="button" className="link-button" onClick={() => setLink(null)}>
            Cancel
          </button>
          {link.error && (
            <span id="description-link-error" className="field-problem" role="alert">
              Use an address starting with https://, http:// or mailto:
            </span>
          )}
        </div>
      )}
      {view === 'formatted' ? (
        <div
          ref={editable}
          id="edit-description"
          className={`input field-textarea description-formatted${invalid ? ' invalid' : ''}`}
          contentEditable={!disabled}
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-labelledby={labelId}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          aria-disabled={disabled || undefined}
          spellCheck
          data-testid="description-formatted"
          onInput={emit}
        />
      ) : (
        textarea
      )}
      <p className="field-hint" data-testid="description-hint">
        {view === 'formatted'
          ? 'Bold, italic, lists and links; saved as simple HTML without styles or extra attributes. The HTML view shows the code.'
          : lossy.length > 0
            ? `This description holds ${lossy.map((t) => `<${t}>`).join(', ')}, which the formatted view cannot keep: edit it here, as HTML.`
            : 'HTML as written. Formatted shows it as text with its formatting.'}
      </p>
    </div>
  );
}
