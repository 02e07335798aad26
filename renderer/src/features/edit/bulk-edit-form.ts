import type { BulkEdit, EditableField, PriceRounding } from '../../../../common/edit-types.js';
import { LISTING_STATUSES, STATUS_LABELS, type ListingStatus } from '../../../../common/listing.js';
import { formatInteger, formatPrice } from '../../format.js';
import { normalizeCurrencyCode } from '../../../../common/edit/currency-digits.js';
import { FIELD_TITLES } from '../../../../common/edit/field-labels.js';

/* ----------------------------------------------------------------------------------------------
 * The bulk edit dialog's form, as typed, and how it becomes a `BulkEdit` (pure, unit-tested).
 * Numbers are kept as text until then so the seller can type "-5", "1,5" or clear a box.
 * -------------------------------------------------------------------------------------------- */

export const OPERATIONS = ['price', 'replace', 'tags', 'set', 'status', 'currency'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_LABELS: Record<Operation, string> = {
  price: 'Change prices',
  replace: 'Find and replace text',
  tags: 'Add or remove tags',
  set: 'Set a field',
  status: 'Change status',
  currency: 'Convert currency',
};

/** Fields "Set a field" offers (lists, prices and currencies have their own operations). */
export const SET_FIELDS = ['status', 'condition', 'brand', 'category', 'quantity'] as const;
export type SetField = (typeof SET_FIELDS)[number];
export const PRICE_OPS = ['percent', 'add', 'set'] as const;
export type PriceOp = (typeof PRICE_OPS)[number];
export const PRICE_OP_LABELS: Record<PriceOp, string> = {
  percent: 'Raise or lower by %',
  add: 'Add or subtract an amount',
  set: 'Set to an amount',
};

export const ROUNDING_LABELS: Record<PriceRounding, string> = {
  none: 'No rounding',
  '0.99': 'End in .99',
  '0.95': 'End in .95',
  whole: 'Whole units',
};

export interface BulkForm {
  operation: Operation;
  // price
  priceOp: PriceOp;
  amount: string;
  rounding: PriceRounding;
  // replace
  inTitle: boolean;
  inDescription: boolean;
  find: string;
  replace: string;
  regex: boolean;
  caseSensitive: boolean;
  // tags
  addTags: string;
  removeTags: string;
  // set
  setField: SetField;
  setValue: string;
  setStatus: ListingStatus;
  clearValue: boolean;
  // status
  status: ListingStatus;
  // currency
  from: string;
  to: string;
  rate: string;
}

export const DEFAULT_FORM: BulkForm = {
  operation: 'price',
  priceOp: 'percent',
  amount: '',
  rounding: 'none',
  inTitle: true,
  inDescription: false,
  find: '',
  replace: '',
  regex: false,
  caseSensitive: false,
  addTags: '',
  removeTags: '',
  setField: 'condition',
  setValue: '',
  setStatus: 'active',
  clearValue: false,
  status: 'active',
  from: 'USD',
  to: 'EUR',
  rate: '',
};

export type Built = { ok: true; edit: BulkEdit } | { ok: false; message: string };

/** "12.5", "-5", "1,5" → a finite number; anything else null. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(/^\+/, '').replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** "mug, Gift idea ,  mug" → ["mug", "Gift idea"] (case-insensitive duplicates dropped). */
export function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** The regex error the browser reports for a pattern, or null when it compiles. */
export function regexProblem(pattern: string, caseSensitive: boolean): string | null {
  try {
    new RegExp(pattern, caseSensitive ? 'gu' : 'giu');
    return null;
  } catch (err) {
    return `That is not a valid regular expression: ${err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : 'check the pattern'}.`;
  }
}

/** The form → a `BulkEdit`, or what to fix first (seller-facing). */
export function buildBulkEdit(form: BulkForm): Built {
  switch (form.operation) {
    case 'price': {
      const amount = parseNumber(form.amount);
      if (amount === null) return { ok: false, message: form.priceOp === 'percent' ? 'Type the percentage, e.g. 10 or -15.' : 'Type the amount, e.g. 2.50 or -1.' };
      if (form.priceOp === 'percent' && amount < -100) return { ok: false, message: 'A price cannot drop by more than 100 %.' };
      if (form.priceOp === 'set' && amount < 0) return { ok: false, message: 'A price cannot be negative.' };
      if (form.priceOp !== 'set' && amount === 0) return { ok: false, message: 'A change of 0 changes nothing. Type how much to change prices by.' };
      return { ok: true, edit: { kind: 'price', op: form.priceOp, amount, rounding: form.rounding } };
    }
    case 'replace': {
      const fields: ('title' | 'description')[] = [];
      if (form.inTitle) fields.push('title');
      if (form.inDescription) fields.push('description');
      if (fields.length === 0) return { ok: false, message: 'Pick where to replace: titles, descriptions or both.' };
      if (form.find === '') return { ok: false, message: 'Type the text to find.' };
      if (form.regex) {
        const problem = regexProblem(form.find, form.caseSensitive);
        if (problem !== null) return { ok: false, message: problem };
      }
      return { ok: true, edit: { kind: 'replace', fields, find: form.find, replace: form.replace, regex: form.regex, caseSensitive: form.caseSensitive } };
    }
    case 'tags': {
      const add = parseTagList(form.addTags);
      const remove = parseTagList(form.removeTags);
      if (add.length === 0 && remove.length === 0) return { ok: false, message: 'Type at least one tag to add or remove (separate tags with commas).' };
      const removing = new Set(remove.map((t) => t.toLowerCase()));
      const both = add.find((t) => removing.has(t.toLowerCase()));
      if (both !== undefined) return { ok: false, message: `“${both}” is both added and removed. Keep it in one of the two lists.` };
      if (add.length > 50 || remove.length > 50) return { ok: false, message: 'Add or remove at most 50 tags at a time.' };
      return { ok: true, edit: { kind: 'tags', add, remove } };
    }
    case 'set': {
      if (form.setField === 'status') return { ok: true, edit: { kind: 'set', field: 'status', value: form.setStatus } };
      if (form.clearValue) return { ok: true, edit: { kind: 'set', field: form.setField, value: null } };
      if (form.setField === 'quantity') {
        const n = parseNumber(form.setValue);
        if (n === null || !Number.isInteger(n) || n < 0) return { ok: false, message: 'Quantity is a whole number of items, 0 or more.' };
        return { ok: true, edit: { kind: 'set', field: 'quantity', value: n } };
      }
      const value = form.setValue.trim();
      if (value === '') return { ok: false, message: `Type the new ${FIELD_TITLES[form.setField].toLowerCase()}, or tick “Clear it”.` };
      return { ok: true, edit: { kind: 'set', field: form.setField, value } };
    }
    case 'status':
      return { ok: true, edit: { kind: 'status', status: form.status } };
    case 'currency': {
      const from = normalizeCurrencyCode(form.from);
      const to = normalizeCurrencyCode(form.to);
      if (!/^[A-Z]{3}$/.test(from) || !/^[A-Z]{3}$/.test(to)) return { ok: false, message: 'Currencies are three-letter codes such as USD, EUR or GBP.' };
      if (from === to) return { ok: false, message: 'Pick two different currencies.' };
      const rate = parseNumber(form.rate);
      if (rate === null || rate <= 0) return { ok: false, message: `Type the rate: how many ${to} one ${from} is worth, e.g. 0.92.` };
      return { ok: true, edit: { kind: 'currency', from, to, rate, rounding: form.rounding } };
    }
    default:
      return { ok: false, message: 'Pick what to change.' };
  }
}

// ---- remembered currency rates ---------------------------------------------------------------------

const RATES_KEY = 'listsmith.bulk-edit.rates';

export interface RateMemory {
  /** "USD>EUR" → rate. */
  rates: Record<string, number>;
  last: { from: string; to: string } | null;
}

export function readRates(storage: Pick<Storage, 'getItem'> | null): RateMemory {
  try {
    const raw = storage?.getItem(RATES_KEY);
    if (raw == null) return { rates: {}, last: null };
    const parsed = JSON.parse(raw) as Partial<RateMemory>;
    const rates: Record<string, number> = {};
    for (const [key, value] of Object.entries(parsed.rates ?? {})) {
      if (/^[A-Z]{3}>[A-Z]{3}$/.test(key) && typeof value === 'number' && Number.isFinite(value) && value > 0) rates[key] = value;
    }
    const last = parsed.last;
    const validLast = last != null && typeof last.from === 'string' && typeof last.to === 'string' && /^[A-Z]{3}$/.test(last.from) && /^[A-Z]{3}$/.test(last.to);
    return { rates, last: validLast ? { from: last.from, to: last.to } : null };
  } catch {
    return { rates: {}, last: null };
  }
}

export function rememberRate(storage: Pick<Storage, 'getItem' | 'setItem'> | null, from: string, to: string, rate: number): RateMemory {
  const memory = readRates(storage);
  const next: RateMemory = { rates: { ...memory.rates, [`${from}>${to}`]: rate }, last: { from, to } };
  try {
    storage?.setItem(RATES_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the rate is simply not remembered.
  }
  return next;
}

export function rememberedRate(memory: RateMemory, from: string, to: string): number | undefined {
  return memory.rates[`${normalizeCurrencyCode(from)}>${normalizeCurrencyCode(to)}`];
}

// ---- showing before → after ------------------------------------------------------------------------

const SAMPLE_CHARS = 140;
const CONTEXT_CHARS = 40;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A field's value in a preview sample, as the seller reads it. */
export function formatSampleValue(field: EditableField, value: unknown, currency: string | null): string {
  if (value === null || value === undefined) return '—';
  if (field === 'priceMinor' && typeof value === 'number') {
    return currency === null ? (value / 100).toFixed(2) : formatPrice(value, currency);
  }
  if (field === 'status' && typeof value === 'string' && (LISTING_STATUSES as readonly string[]).includes(value)) return STATUS_LABELS[value as ListingStatus];
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(String).join(', ');
  if (typeof value === 'string') {
    const text = oneLine(value).trim();
    if (text === '') return '(empty)';
    return text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS - 1)}…` : text;
  }
  if (typeof value === 'number') return formatInteger(value);
  return JSON.stringify(value);
}

/**
 * Before and after of a text change, both cut to the same window around the first difference — a
 * replacement deep in a long description is shown where it happens, not its first 140 characters.
 */
export function textChangeWindow(before: string, after: string): { before: string; after: string } {
  const a = oneLine(before);
  const b = oneLine(after);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const start = p > CONTEXT_CHARS ? p - CONTEXT_CHARS : 0;
  const cut = (t: string) => {
    const body = t.slice(start, start + SAMPLE_CHARS);
    return `${start > 0 ? '…' : ''}${body}${start + SAMPLE_CHARS < t.length ? '…' : ''}`;
  };
  return { before: a.trim() === '' ? '(empty)' : cut(a), after: b.trim() === '' ? '(empty)' : cut(b) };
}
