import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../common/client.js';
import type { EditOutcome } from '../../../common/contract.js';
import { MAX_PRICE_MINOR, type ListingChanges } from '../../../common/edit-types.js';
import type { Listing, ListingStatus } from '../../../common/listing.js';
import { ContractError } from '../../../common/result.js';
import type { RuleInput } from '../../../common/rules/index.js';
import { currencyDigits, normalizeCurrencyCode } from '../../../common/edit/currency-digits.js';

/* ----------------------------------------------------------------------------------------------
 * The detail pane's listing editor: drafts (what the seller typed, as typed), how a draft turns
 * into the `listing.update` changes (only the fields that changed), and a small store that keeps
 * one draft per listing — so switching listings, closing the pane or a failed save never loses an
 * edit — and saves with `expectedUpdatedAt` so a listing changed elsewhere is never overwritten.
 * -------------------------------------------------------------------------------------------- */

/** What the editor's inputs hold: text exactly as typed (price in major units), lists as items. */
export interface Draft {
  title: string;
  description: string;
  /** Major units as typed ("12.99", "12,99"); '' = no price. */
  price: string;
  currency: string;
  /** Whole number as typed; '' = unknown. */
  quantity: string;
  sku: string;
  brand: string;
  condition: string;
  category: string;
  status: ListingStatus;
  tags: string[];
  materials: string[];
  images: string[];
}
export type DraftField = keyof Draft;

export const DRAFT_FIELDS: readonly DraftField[] = [
  'title',
  'description',
  'price',
  'currency',
  'quantity',
  'sku',
  'brand',
  'condition',
  'category',
  'status',
  'tags',
  'materials',
  'images',
];

/** Seller-facing names of the fields, for messages ("Fix the price…"). */
export const FIELD_LABELS: Record<DraftField, string> = {
  title: 'Title',
  description: 'Description',
  price: 'Price',
  currency: 'Currency',
  quantity: 'Quantity',
  sku: 'SKU',
  brand: 'Brand',
  condition: 'Condition',
  category: 'Category',
  status: 'Status',
  tags: 'Tags',
  materials: 'Materials',
  images: 'Images',
};

// ---- prices and quantities -----------------------------------------------------------------------

/** Minor units → the editor's plain major-unit text: 1299 USD → "12.99", 1234 JPY → "1234"; null → "". */
export function formatPriceInput(minor: number | null, currency: string): string {
  if (minor === null || !Number.isFinite(minor)) return '';
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  if (digits === 0) return `${negative ? '-' : ''}${abs}`;
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const fraction = String(abs % scale).padStart(digits, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The price the seller typed (major units) → minor units. Accepts "12.99", "12,99", "1,234.50",
 * "1.234,50", "1 234,50"; '' → null (no price). Refuses negatives, letters and more decimals than
 * the currency has (¥ has none).
 */
export function parsePriceInput(text: string, currency: string): Parsed<number | null> {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return { ok: true, value: null };
  if (s.startsWith('-')) return { ok: false, message: 'A price cannot be negative.' };
  if (s.startsWith('+')) s = s.slice(1);
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, message: 'Type the price as a number, e.g. 12.99.' };
  const digits = currencyDigits(currency);
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0) decimal = s.indexOf('.') === lastDot ? '.' : null;
  else if (lastComma >= 0) {
    // One comma: "12,5" is a decimal comma; "1,234" (three digits after, in a currency without
    // three decimals) is a thousands separator. Several commas: thousands separators.
    const after = s.length - lastComma - 1;
    decimal = s.indexOf(',') === lastComma && !(after === 3 && digits !== 3) ? ',' : null;
  }
  let whole = s;
  let fraction = '';
  if (decimal !== null) {
    const at = s.lastIndexOf(decimal);
    whole = s.slice(0, at);
    fraction = s.slice(at + 1);
  }
  const thousands = decimal === '.' ? ',' : decimal === ',' ? '.' : /[.,]/g;
  whole = whole.split(thousands).join('');
  if (typeof thousands === 'string' && whole.includes(decimal ?? '')) return { ok: false, message: 'Type the price as a number, e.g. 12.99.' };
  if (!/^[0-9]*$/.test(whole) || !/^[0-9]*$/.test(fraction)) return { ok: false, message: 'Type the price as a number, e.g. 12.99.' };
  const code = normalizeCurrencyCode(currency) || 'This currency';
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${code} prices have no decimals: type a whole number.` : `${code} prices have at most ${digits} decimals.`,
    };
  }
  const minor = Number(whole === '' ? '0' : whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_PRICE_MINOR) return { ok: false, message: 'That price is too large.' };
  return { ok: true, value: minor };
}

/** A quantity as typed → a whole number ≥ 0; '' → null (unknown). */
export function parseQuantityInput(text: string): Parsed<number | null> {
  const s = text.replace(/[\s\u00a0\u202f,']/g, '');
  if (s === '') return { ok: true, value: null };
  if (/^-/.test(s)) return { ok: false, message: 'A quantity cannot be negative.' };
  if (!/^\+?[0-9]+$/.test(s)) return { ok: false, message: 'Quantity is a whole number of items, e.g. 3.' };
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n > 1_000_000_000) return { ok: false, message: 'That quantity is too large.' };
  return { ok: true, value: n };
}

// ---- drafts ---------------------------------------------------------------------------------------

export function draftFromListing(listing: Listing): Draft {
  return {
    title: listing.title,
    description: listing.description,
    price: formatPriceInput(listing.priceMinor, listing.currency),
    currency: listing.currency,
    quantity: listing.quantity === null ? '' : String(listing.quantity),
    sku: listing.sku ?? '',
    brand: listing.brand ?? '',
    condition: listing.condition ?? '',
    category: listing.category ?? '',
    status: listing.status,
    tags: [...listing.tags],
    materials: [...listing.materials],
    images: [...listing.images],
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameDraftValue(a: Draft[DraftField], b: Draft[DraftField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return sameList(a, b);
  return a === b;
}

/** Draft fields that differ (as typed) from `reference`. */
export function changedDraftFields(reference: Draft, draft: Draft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => !sameDraftValue(reference[f], draft[f]));
}

/** Optional short text: trimmed, '' → null. */
function optionalText(value: string | null): string | null {
  const t = (value ?? '').trim();
  return t === '' ? null : t;
}

export interface DraftDiff {
  /** Exactly the fields to send to `listing.update`. */
  changes: ListingChanges;
  /** Fields whose input cannot be saved as typed, with what to do. */
  problems: Partial<Record<DraftField, string>>;
}

/** What saving `draft` would change on `base` — only real changes ("12.5" for 1250 is none). */
export function diffDraft(base: Listing, draft: Draft): DraftDiff {
  const changes: ListingChanges = {};
  const problems: Partial<Record<DraftField, string>> = {};
  if (draft.title !== base.title) changes.title = draft.title;
  if (draft.description !== base.description) changes.description = draft.description;

  const currency = normalizeCurrencyCode(draft.currency);
  if (!/^[A-Z]{3}$/.test(currency)) problems.currency = 'A currency is a three-letter code such as USD or EUR.';
  else if (currency !== base.currency) changes.currency = currency;

  const price = parsePriceInput(draft.price, problems.currency === undefined ? currency : base.currency);
  if (!price.ok) problems.price = price.message;
  else if (price.value !== base.priceMinor) changes.priceMinor = price.value;

  const quantity = parseQuantityInput(draft.quantity);
  if (!quantity.ok) problems.quantity = quantity.message;
  else if (quantity.value !== base.quantity) changes.quantity = quantity.value;

  for (const field of ['sku', 'brand', 'condition', 'category'] as const) {
    const next = optionalText(draft[field]);
    if (next !== optionalText(base[field])) {
      if (next !== null && next.length > 500) problems[field] = `${FIELD_LABELS[field]} is at most 500 characters.`;
      else changes[field] = next;
    }
  }
  if (draft.status !== base.status) changes.status = draft.status;
  for (const field of ['tags', 'materials', 'images'] as const) {
    if (!sameList(draft[field], base[field])) changes[field] = [...draft[field]];
  }
  return { changes, problems };
}

export function isDirty(diff: DraftDiff): boolean {
  return Object.keys(diff.changes).length > 0 || Object.keys(diff.problems).length > 0;
}

/** The listing as the rules engine should see it while the seller types. */
export function ruleInputOf(base: Listing, draft: Draft): RuleInput {
  const currency = normalizeCurrencyCode(draft.currency);
  const price = parsePriceInput(draft.price, /^[A-Z]{3}$/.test(currency) ? currency : base.currency);
  const quantity = parseQuantityInput(draft.quantity);
  return {
    title: draft.title,
    description: draft.description,
    tags: draft.tags,
    materials: draft.materials,
    images: draft.images,
    priceMinor: price.ok ? price.value : base.priceMinor,
    quantity: quantity.ok ? quantity.value : base.quantity,
    sku: optionalText(draft.sku),
    brand: optionalText(draft.brand),
    condition: optionalText(draft.condition),
    attributes: base.attributes,
  };
}

/**
 * Adds what the seller typed to a chip list: commas and line breaks separate items, blanks are
 * dropped, and an item already in the list (ignoring case) is not added twice.
 */
export function addItems(list: readonly string[], typed: string): { list: string[]; added: string[]; duplicates: string[] } {
  const next = [...list];
  const seen = new Set(list.map((t) => t.toLocaleLowerCase()));
  const added: string[] = [];
  const duplicates: string[] = [];
  for (const raw of typed.split(/[,\n\r]+/)) {
    const item = raw.trim().replace(/\s+/g, ' ');
    if (item === '') continue;
    const key = item.toLocaleLowerCase();
    if (seen.has(key)) {
      duplicates.push(item);
      continue;
    }
    seen.add(key);
    next.push(item);
    added.push(item);
  }
  return { list: next, added, duplicates };
}

/** What an image URL field accepts: http(s) addresses and inline data:image URLs. */
export function checkImageUrl(text: string): Parsed<string> {
  const url = text.trim();
  if (url === '') return { ok: false, message: 'Paste the address of an image.' };
  if (url.length > 4_000) return { ok: false, message: 'That address is too long (at most 4,000 characters).' };
  if (/^data:image\//i.test(url)) return { ok: true, value: url };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: 'That is not a web address: it should start with https://.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, message: 'Image addresses start with https://.' };
  return { ok: true, value: url };
}

// ---- the store -------------------------------------------------------------------------------------

export type SaveErrorKind = 'conflict' | 'invalid' | 'failed';
export interface SaveError {
  kind: SaveErrorKind;
  message: string;
}

export interface EditorSession {
  id: number;
  /** The listing as loaded: what the draft is compared with and `expectedUpdatedAt`. */
  base: Listing;
  draft: Draft;
  saving: boolean;
  error: SaveError | null;
  /** A newer version saved elsewhere (import, bulk edit, undo…) while this draft had changes. */
  newer: Listing | null;
  /** When the last save of this editor succeeded (for a short "Saved" note). */
  savedAt: number | null;
}

export interface EditorState {
  sessions: Readonly<Record<number, EditorSession>>;
  /** The detail pane loaded (or reloaded) `listing`: start editing it, or note it changed under a draft. */
  open(listing: Listing): void;
  edit(listing: Listing, patch: Partial<Draft>): void;
  /** Throws the draft away (and catches up with a newer version if one arrived). */
  discard(id: number): void;
  /** Loads the latest version and puts the seller's unsaved edits on top of it. */
  reload(id: number): Promise<void>;
  /** Sends the changed fields; the draft stays on any error. Resolves to the saved listing or null. */
  save(id: number): Promise<Listing | null>;
  /** Forgets clean drafts of other listings (a dirty draft is kept until saved or discarded). */
  prune(keepId: number | null): void;
}
export type EditorStore = StoreApi<EditorState>;

export const CONFLICT_MESSAGE = 'This listing changed since you opened it — reload to get the latest version. Your unsaved edits are kept.';

function cleanSession(listing: Listing, savedAt: number | null = null): EditorSession {
  return { id: listing.id, base: listing, draft: draftFromListing(listing), saving: false, error: null, newer: null, savedAt };
}

export function sessionDirty(session: EditorSession): boolean {
  return isDirty(diffDraft(session.base, session.draft));
}

export function createEditorStore(client: ContractClient): EditorStore {
  const store = createStore<EditorState>()((set, get) => {
    const put = (session: EditorSession) => set({ sessions: { ...get().sessions, [session.id]: session } });
    const patchSession = (id: number, patch: Partial<EditorSession>) => {
      const s = get().sessions[id];
      if (s !== undefined) put({ ...s, ...patch });
    };
    return {
      sessions: {},
      open(listing) {
        const s = get().sessions[listing.id];
        if (s === undefined) {
          put(cleanSession(listing));
          return;
        }
        // A save in flight decides; an older copy (a read that raced our save) is ignored.
        if (s.saving || listing === s.base || listing.updatedAt < s.base.updatedAt) return;
        const dirty = sessionDirty(s);
        if (listing.updatedAt === s.base.updatedAt) {
          if (!dirty) put({ ...cleanSession(listing, s.savedAt), error: s.error });
          return;
        }
        if (!dirty) put(cleanSession(listing));
        else if (s.newer === null || listing.updatedAt > s.newer.updatedAt) put({ ...s, newer: listing });
      },
      edit(listing, patch) {
        const s = get().sessions[listing.id] ?? cleanSession(listing);
        put({ ...s, draft: { ...s.draft, ...patch }, savedAt: null, error: s.error?.kind === 'conflict' ? s.error : null });
      },
      discard(id) {
        const s = get().sessions[id];
        if (s === undefined || s.saving) return;
        put(cleanSession(s.newer ?? s.base));
      },
      async reload(id) {
        const s = get().sessions[id];
        if (s === undefined || s.saving) return;
        let latest = s.newer;
        if (latest === null) {
          try {
            latest = await client.call('listing.get', { id });
          } catch (err) {
            patchSession(id, { error: { kind: 'failed', message: err instanceof Error ? err.message : 'Could not load the listing.' } });
            return;
          }
        }
        const current = get().sessions[id];
        if (current === undefined) return;
        const edited = changedDraftFields(draftFromListing(current.base), current.draft);
        const draft = draftFromListing(latest);
        const merged: Draft = { ...draft };
        for (const f of edited) (merged as unknown as Record<DraftField, unknown>)[f] = current.draft[f];
        put({ id, base: latest, draft: merged, saving: false, error: null, newer: null, savedAt: null });
      },
      async save(id) {
        const s = get().sessions[id];
        if (s === undefined || s.saving) return null;
        const diff = diffDraft(s.base, s.draft);
        const problemFields = Object.keys(diff.problems) as DraftField[];
        if (problemFields.length > 0) {
          const names = problemFields.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ');
          put({ ...s, error: { kind: 'invalid', message: `Fix the ${names} before saving.` } });
          return null;
        }
        if (Object.keys(diff.changes).length === 0) {
          put({ ...cleanSession(s.base, s.savedAt), newer: s.newer });
          return null;
        }
        const sent = s.draft;
        put({ ...s, saving: true, error: null });
        let outcome: EditOutcome;
        try {
          outcome = await client.call('listing.update', { id, changes: diff.changes, expectedUpdatedAt: s.base.updatedAt });
        } catch (err) {
          const conflict = err instanceof ContractError && err.code === 'conflict';
          const error: SaveError = conflict
            ? { kind: 'conflict', message: CONFLICT_MESSAGE }
            : err instanceof ContractError && err.code === 'invalid_input'
              ? { kind: 'invalid', message: err.message }
              : { kind: 'failed', message: `Not saved: ${err instanceof Error ? err.message : 'something went wrong.'} Your edits are kept; try again.` };
          patchSession(id, { saving: false, error });
          if (conflict) {
            client.call('listing.get', { id }).then(
              (latest) => {
                const cur = get().sessions[id];
                if (cur !== undefined && latest.updatedAt !== cur.base.updatedAt) put({ ...cur, newer: latest });
              },
              () => {},
            );
          }
          return null;
        }
        const current = get().sessions[id];
        const saved = outcome.listing;
        if (current === undefined || current.draft === sent) put(cleanSession(saved, Date.now()));
        // The seller kept typing while it saved: keep those edits on top of the saved listing.
        else put({ ...current, base: saved, saving: false, error: null, newer: null, savedAt: Date.now() });
        return saved;
      },
      prune(keepId) {
        const sessions = get().sessions;
        const kept: Record<number, EditorSession> = {};
        let dropped = false;
        for (const s of Object.values(sessions)) {
          if (s.id === keepId || s.saving || sessionDirty(s)) kept[s.id] = s;
          else dropped = true;
        }
        if (dropped) set({ sessions: kept });
      },
    };
  });
  return store;
}

const stores = new WeakMap<ContractClient, EditorStore>();

/** One editor store per client (the app has one), created on first use. */
export function editorStoreFor(client: ContractClient): EditorStore {
  let store = stores.get(client);
  if (store === undefined) {
    store = createEditorStore(client);
    stores.set(client, store);
  }
  return store;
}
