import { SETTABLE_FIELDS, type ListingChanges, type SettableField } from '../edit-types.js';
import { LISTING_STATUSES, STATUS_LABELS, type ListingStatus } from '../listing.js';
import { ContractError } from '../result.js';
import { FIELD_LABELS } from './field-labels.js';

const MAX_QUANTITY = 1_000_000_000;
const MAX_TEXT = 500;

/**
 * Checks the value of a "set a field" bulk edit against its field, once for the whole edit, and
 * returns the change it makes: status must be a status, quantity a whole number 0–1,000,000,000
 * (or empty), currency a three-letter code; text fields are trimmed and an empty text clears the
 * field. A wrong value fails with a message naming the field and what it accepts.
 */
export function settableChange(field: SettableField, value: string | number | null): ListingChanges {
  const label = FIELD_LABELS[field];
  const invalid = (accepts: string): ContractError =>
    new ContractError('invalid_input', `${capitalize(label)} cannot be set to ${shown(value)}: it must be ${accepts}. Nothing was changed.`);
  switch (field) {
    case 'status': {
      if (typeof value !== 'string' || !(LISTING_STATUSES as readonly string[]).includes(value)) {
        throw invalid(`one of ${LISTING_STATUSES.map((s) => STATUS_LABELS[s]).join(', ')}`);
      }
      return { status: value as ListingStatus };
    }
    case 'quantity': {
      if (value === null || (typeof value === 'string' && value.trim() === '')) return { quantity: null };
      const quantity = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) throw invalid('a whole number from 0 to 1,000,000,000 (or empty)');
      return { quantity };
    }
    case 'currency': {
      const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
      if (!/^[A-Z]{3}$/.test(code)) throw invalid('a three-letter currency code such as USD or EUR');
      return { currency: code };
    }
    case 'sku':
    case 'brand':
    case 'condition':
    case 'category': {
      if (typeof value === 'number') throw invalid('text');
      const text = value === null ? '' : value.trim();
      if (text.length > MAX_TEXT) throw invalid(`at most ${MAX_TEXT} characters`);
      return { [field]: text === '' ? null : text };
    }
    default:
      return unreachable(field);
  }
}

function unreachable(field: never): never {
  throw new ContractError('invalid_input', `"${String(field)}" cannot be set in bulk; fields that can: ${SETTABLE_FIELDS.join(', ')}.`);
}

function shown(value: string | number | null): string {
  if (value === null) return 'nothing';
  return typeof value === 'number' ? String(value) : `“${value.slice(0, 40)}${value.length > 40 ? '…' : ''}”`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
