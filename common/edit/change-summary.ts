import type { BulkEdit, EditableField } from '../edit-types.js';
import { STATUS_LABELS, type ListingStatus } from '../listing.js';
import { FIELD_LABELS } from './field-labels.js';

/**
 * Seller-facing one-liners for the undo menu, the history and the dashboard's recent activity:
 * "Price +10 % on 10,000 listings", "Edited title and price of “Blue mug”".
 */
export function bulkEditSummary(edit: BulkEdit, listings: number): string {
  return `${describeBulkEdit(edit)} on ${countOf(listings)}`;
}

/** What a bulk edit does, without the count: "Price +10 % (rounded to .99)". */
export function describeBulkEdit(edit: BulkEdit): string {
  switch (edit.kind) {
    case 'set':
      return `${capitalize(FIELD_LABELS[edit.field])} ${edit.value === null || edit.value === '' ? 'cleared' : `set to ${shownValue(edit.field, edit.value)}`}`;
    case 'status':
      return `Status set to ${STATUS_LABELS[edit.status]}`;
    case 'replace': {
      const where = edit.fields.map((field) => (field === 'title' ? 'titles' : 'descriptions')).join(' and ');
      const found = edit.regex ? `/${clip(edit.find)}/` : quote(edit.find);
      return edit.replace === '' ? `Removed ${found} from ${where}` : `Replaced ${found} with ${quote(edit.replace)} in ${where}`;
    }
    case 'tags': {
      const parts = [...edit.add.map((tag) => `+${clip(tag)}`), ...edit.remove.map((tag) => `−${clip(tag)}`)];
      const shown = parts.length > 4 ? `${parts.slice(0, 4).join(', ')} and ${parts.length - 4} more` : parts.join(', ');
      return `Tags ${shown}`;
    }
    case 'price':
      return `Price ${priceChange(edit)}${roundingNote(edit.rounding)}`;
    case 'currency':
      return `Prices in ${edit.from} converted to ${edit.to} at ${edit.rate}${roundingNote(edit.rounding)}`;
    default:
      return 'Bulk edit';
  }
}

/** "Edited title of “Blue mug”", "Reverted price and tags of “Blue mug”". */
export function listingEditSummary(kind: 'edit' | 'revert', fields: readonly EditableField[], title: string): string {
  const labels = fields.map((field) => FIELD_LABELS[field]);
  const named = labels.length <= 1 ? (labels[0] ?? 'nothing') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)!}`;
  return `${kind === 'edit' ? 'Edited' : 'Reverted'} ${named} of ${quote(title.trim() === '' ? 'untitled listing' : title)}`;
}

function priceChange(edit: Extract<BulkEdit, { kind: 'price' }>): string {
  const amount = Math.abs(edit.amount).toLocaleString('en-US', { maximumFractionDigits: 4 });
  const sign = edit.amount < 0 ? '−' : '+';
  if (edit.op === 'percent') return `${sign}${amount} %`;
  if (edit.op === 'add') return `${sign}${amount}`;
  return `set to ${edit.amount.toLocaleString('en-US', { maximumFractionDigits: 4 })}`;
}

function roundingNote(rounding: Extract<BulkEdit, { kind: 'price' }>['rounding']): string {
  if (rounding === 'none') return '';
  return rounding === 'whole' ? ' (rounded to whole units)' : ` (rounded to ${rounding.slice(1)})`;
}

function shownValue(field: string, value: string | number): string {
  if (field === 'status' && typeof value === 'string' && Object.hasOwn(STATUS_LABELS, value)) return STATUS_LABELS[value as ListingStatus];
  return quote(String(value));
}

function countOf(listings: number): string {
  return `${listings.toLocaleString('en-US')} ${listings === 1 ? 'listing' : 'listings'}`;
}

function quote(text: string): string {
  return `“${clip(text)}”`;
}

/** Summaries are one line: long texts are cut at 40 characters (by code point, never mid-emoji). */
function clip(text: string): string {
  const points = [...text];
  return points.length > 40 ? `${points.slice(0, 39).join('')}…` : text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
