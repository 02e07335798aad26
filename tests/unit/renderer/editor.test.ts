import { describe, expect, it, vi } from 'vitest';
import type { ContractClient } from '../../../common/client.js';
import type { EventPayloads, MethodInput, MethodOutput, MethodName } from '../../../common/contract.js';
import type { EventName } from '../../../common/contract-names.js';
import type { Listing } from '../../../common/listing.js';
import { ContractError } from '../../../common/result.js';
import { ruleLabel, ruleTemplateText } from '../../../renderer/src/features/edit/rule-labels.js';
import { diffDraft, draftFromListing, isDirty, ruleInputOf } from '../../../renderer/src/features/edit/draft.js';
import { CONFLICT_MESSAGE, createEditorStore, sessionDirty } from '../../../renderer/src/features/edit/editor-store.js';
import { addItems, checkImageUrl, formatPriceInput, parsePriceInput, parseQuantityInput } from '../../../renderer/src/features/edit/field-parsing.js';
import { currencyDigits } from '../../../common/edit/currency-digits.js';

function listing(patch: Partial<Listing> = {}): Listing {
  return {
    id: 7,
    marketplace: 'etsy',
    sourceId: 'E-7',
    sku: 'MUG-1',
    title: 'Blue ceramic mug',
    description: 'A hand-thrown mug.',
    priceMinor: 1250,
    currency: 'USD',
    quantity: 3,
    tags: ['mug', 'ceramic'],
    materials: ['clay'],
    images: ['https://img.example/1.jpg'],
    category: 'Kitchen',
    brand: null,
    condition: 'New',
    attributes: {},
    variants: [],
    status: 'active',
    createdAt: 1_000,
    updatedAt: 2_000,
    ...patch,
  };
}

type Handler = (input: unknown) => unknown;
function fakeClient(handlers: Partial<Record<MethodName, Handler>>) {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const calls: { method: MethodName; input: unknown }[] = [];
  const client: ContractClient = {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      calls.push({ method, input });
      const h = handlers[method];
      if (h === undefined) throw new ContractError('unknown_method', method);
      return (await h(input)) as MethodOutput<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      let set = listeners.get(event);
      if (set === undefined) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => listeners.get(event)?.forEach((l) => l(payload));
  return { client, calls, emit };
}

describe('prices as typed', () => {
  it('knows each currency’s decimals', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('jpy')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    expect(currencyDigits('??')).toBe(2);
  });
  it('formats minor units as plain major units', () => {
    expect(formatPriceInput(1250, 'USD')).toBe('12.50');
    expect(formatPriceInput(5, 'EUR')).toBe('0.05');
    expect(formatPriceInput(1234, 'JPY')).toBe('1234');
    expect(formatPriceInput(1234, 'BHD')).toBe('1.234');
    expect(formatPriceInput(null, 'USD')).toBe('');
  });
  it('reads dots, decimal commas and thousands separators', () => {
    expect(parsePriceInput('12.99', 'USD')).toEqual({ ok: true, value: 1299 });
    expect(parsePriceInput('12,99', 'EUR')).toEqual({ ok: true, value: 1299 });
    expect(parsePriceInput('12.5', 'USD')).toEqual({ ok: true, value: 1250 });
    expect(parsePriceInput('1,234.50', 'USD')).toEqual({ ok: true, value: 123450 });
    expect(parsePriceInput('1.234,50', 'EUR')).toEqual({ ok: true, value: 123450 });
    expect(parsePriceInput('1 234,50', 'EUR')).toEqual({ ok: true, value: 123450 });
    expect(parsePriceInput('1,234', 'USD')).toEqual({ ok: true, value: 123400 });
    expect(parsePriceInput('1,234', 'BHD')).toEqual({ ok: true, value: 1234 });
    expect(parsePriceInput('1500', 'JPY')).toEqual({ ok: true, value: 1500 });
    expect(parsePriceInput('  ', 'USD')).toEqual({ ok: true, value: null });
  });
  it('refuses what cannot be a price, saying why', () => {
    expect(parsePriceInput('-3', 'USD')).toMatchObject({ ok: false, message: expect.stringMatching(/negative/) });
    expect(parsePriceInput('12.999', 'USD')).toMatchObject({ ok: false, message: expect.stringMatching(/at most 2 decimals/) });
    expect(parsePriceInput('12.5', 'JPY')).toMatchObject({ ok: false, message: expect.stringMatching(/no decimals/) });
    expect(parsePriceInput('abc', 'USD')).toMatchObject({ ok: false });
    expect(parsePriceInput('1,234.5.6', 'USD')).toMatchObject({ ok: false });
    expect(parsePriceInput('99999999999999', 'USD')).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) });
  });
  it('reads quantities', () => {
    expect(parseQuantityInput('')).toEqual({ ok: true, value: null });
    expect(parseQuantityInput('1,000')).toEqual({ ok: true, value: 1000 });
    expect(parseQuantityInput('-1')).toMatchObject({ ok: false });
    expect(parseQuantityInput('2.5')).toMatchObject({ ok: false });
  });
});

describe('drafts → changes', () => {
  it('an untouched draft changes nothing', () => {
    const l = listing();
    const diff = diffDraft(l, draftFromListing(l));
    expect(diff).toEqual({ changes: {}, problems: {} });
    expect(isDirty(diff)).toBe(false);
  });
  it('sends only what really changed', () => {
    const l = listing();
    const draft = { ...draftFromListing(l), title: 'Blue ceramic mug, large', price: '12.5', quantity: '4', brand: '  Acme ', tags: ['mug', 'ceramic', 'gift'] };
    expect(diffDraft(l, draft).changes).toEqual({ title: 'Blue ceramic mug, large', quantity: 4, brand: 'Acme', tags: ['mug', 'ceramic', 'gift'] });
  });
  it('clearing an optional field sends null; whitespace alone is no change', () => {
    const l = listing({ brand: 'Acme' });
    expect(diffDraft(l, { ...draftFromListing(l), sku: '', brand: 'Acme ' }).changes).toEqual({ sku: null });
  });
  it('a price is read in the currency it will be saved in', () => {
    const l = listing();
    expect(diffDraft(l, { ...draftFromListing(l), currency: 'jpy', price: '1500' }).changes).toEqual({ currency: 'JPY', priceMinor: 1500 });
    const bad = diffDraft(l, { ...draftFromListing(l), currency: 'JPY' });
    expect(bad.problems.price).toMatch(/no decimals/);
    expect(isDirty(bad)).toBe(true);
  });
  it('reports input it cannot save', () => {
    const l = listing();
    const diff = diffDraft(l, { ...draftFromListing(l), currency: 'US', quantity: 'lots' });
    expect(Object.keys(diff.problems).sort()).toEqual(['currency', 'quantity']);
  });
  it('feeds the rules engine the draft as typed', () => {
    const l = listing();
    const input = ruleInputOf(l, { ...draftFromListing(l), title: 'NEW', price: 'oops', brand: ' ' });
    expect(input).toMatchObject({ title: 'NEW', priceMinor: 1250, brand: null, attributes: {} });
  });
});

describe('chips and image URLs', () => {
  it('adds comma-separated items once each', () => {
    expect(addItems(['mug'], 'Gift, mug , coffee  cup,, GIFT')).toEqual({ list: ['mug', 'Gift', 'coffee cup'], added: ['Gift', 'coffee cup'], duplicates: ['mug', 'GIFT'] });
  });
  it('accepts web and data image addresses', () => {
    expect(checkImageUrl(' https://cdn.example/a.jpg ')).toEqual({ ok: true, value: 'https://cdn.example/a.jpg' });
    expect(checkImageUrl('data:image/png;base64,AAAA').ok).toBe(true);
    expect(checkImageUrl('ftp://x/y.png').ok).toBe(false);
    expect(checkImageUrl('not a url').ok).toBe(false);
    expect(checkImageUrl('').ok).toBe(false);
  });
});

describe('editor store', () => {
  it('saves only the changed fields with expectedUpdatedAt and starts clean from the saved listing', async () => {
    const l = listing();
    const saved = listing({ title: 'Blue mug', priceMinor: 1500, updatedAt: 3_000 });
    const { client, calls } = fakeClient({ 'listing.update': () => ({ listing: saved, changeSet: null }) });
    const store = createEditorStore(client);
    store.getState().open(l);
    store.getState().edit(l, { title: 'Blue mug', price: '15' });
    expect(sessionDirty(store.getState().sessions[7]!)).toBe(true);
    const result = await store.getState().save(7);
    expect(calls).toEqual([{ method: 'listing.update', input: { id: 7, changes: { title: 'Blue mug', priceMinor: 1500 }, expectedUpdatedAt: 2_000 } }]);
    expect(result).toBe(saved);
    const s = store.getState().sessions[7]!;
    expect(s.base).toBe(saved);
    expect(s.draft.price).toBe('15.00');
    expect(sessionDirty(s)).toBe(false);
    expect(s.savedAt).not.toBeNull();
  });

  it('keeps the draft on a conflict and offers the newer version; reload puts the edits on top', async () => {
    const l = listing();
    const newer = listing({ description: 'Changed by an import.', quantity: 9, updatedAt: 5_000 });
    const { client } = fakeClient({
      'listing.update': () => {
        throw new ContractError('conflict', 'changed elsewhere');
      },
      'listing.get': () => newer,
    });
    const store = createEditorStore(client);
    store.getState().edit(l, { title: 'My better title' });
    expect(await store.getState().save(7)).toBeNull();
    await vi.waitFor(() => expect(store.getState().sessions[7]!.newer).toBe(newer));
    const s = store.getState().sessions[7]!;
    expect(s.error).toEqual({ kind: 'conflict', message: CONFLICT_MESSAGE });
    expect(s.draft.title).toBe('My better title');

    await store.getState().reload(7);
    const r = store.getState().sessions[7]!;
    expect(r.base).toBe(newer);
    expect(r.error).toBeNull();
    expect(r.draft).toMatchObject({ title: 'My better title', description: 'Changed by an import.', quantity: '9' });
    expect(diffDraft(r.base, r.draft).changes).toEqual({ title: 'My better title' });
  });

  it('keeps the draft when the core refuses the edit', async () => {
    const l = listing();
    const { client } = fakeClient({
      'listing.update': () => {
        throw new ContractError('invalid_input', 'Title is 150 characters; Etsy allows 140. Nothing was saved.');
      },
    });
    const store = createEditorStore(client);
    store.getState().edit(l, { title: 'x'.repeat(150) });
    await store.getState().save(7);
    const s = store.getState().sessions[7]!;
    expect(s.error).toEqual({ kind: 'invalid', message: 'Title is 150 characters; Etsy allows 140. Nothing was saved.' });
    expect(s.draft.title).toHaveLength(150);
    expect(s.saving).toBe(false);
  });

  it('does not call the core with input it cannot save', async () => {
    const l = listing();
    const { client, calls } = fakeClient({});
    const store = createEditorStore(client);
    store.getState().edit(l, { price: '12.345' });
    await store.getState().save(7);
    expect(calls).toHaveLength(0);
    expect(store.getState().sessions[7]!.error).toEqual({ kind: 'invalid', message: 'Fix the price before saving.' });
  });

  it('follows a refreshed listing when clean, notes it when dirty, ignores older copies', () => {
    const { client } = fakeClient({});
    const store = createEditorStore(client);
    const l = listing();
    store.getState().open(l);
    const v2 = listing({ title: 'Changed by undo', updatedAt: 3_000 });
    store.getState().open(v2);
    expect(store.getState().sessions[7]!.draft.title).toBe('Changed by undo');
    store.getState().open(l);
    expect(store.getState().sessions[7]!.base).toBe(v2);

    store.getState().edit(v2, { brand: 'Acme' });
    const v3 = listing({ title: 'Bulk edited', updatedAt: 4_000 });
    store.getState().open(v3);
    const s = store.getState().sessions[7]!;
    expect(s.base).toBe(v2);
    expect(s.newer).toBe(v3);
    expect(s.draft.brand).toBe('Acme');

    store.getState().discard(7);
    const d = store.getState().sessions[7]!;
    expect(d.base).toBe(v3);
    expect(sessionDirty(d)).toBe(false);
  });

  it('keeps edits typed while a save was in flight', async () => {
    const l = listing();
    let resolve: (v: unknown) => void = () => {};
    const saved = listing({ title: 'First', updatedAt: 3_000 });
    const { client } = fakeClient({ 'listing.update': () => new Promise((r) => (resolve = r)) });
    const store = createEditorStore(client);
    store.getState().edit(l, { title: 'First' });
    const pending = store.getState().save(7);
    store.getState().edit(l, { quantity: '8' });
    resolve({ listing: saved, changeSet: null });
    await pending;
    const s = store.getState().sessions[7]!;
    expect(s.base).toBe(saved);
    expect(diffDraft(s.base, s.draft).changes).toEqual({ quantity: 8 });
  });

  it('prunes clean drafts of other listings but never a dirty one', () => {
    const { client } = fakeClient({});
    const store = createEditorStore(client);
    store.getState().open(listing({ id: 1 }));
    store.getState().edit(listing({ id: 2 }), { title: 'unsaved' });
    store.getState().open(listing({ id: 3 }));
    store.getState().prune(3);
    expect(Object.keys(store.getState().sessions).sort()).toEqual(['2', '3']);
  });
});

describe('rule labels', () => {
  it('names rules for people', () => {
    expect(ruleLabel('etsy.title.max_length')).toMatchObject({ name: 'Title too long', marketplaceLabel: 'Etsy', marketplace: 'etsy' });
    expect(ruleLabel('ebay.images.min_count').name).toBe('Too few images');
    expect(ruleLabel('etsy.tags.use_all').name).toBe('Not all tags used');
    expect(ruleLabel('etsy.title.fill').name).toBe('Title too short for search');
    expect(ruleLabel('shop.widget.odd_thing')).toMatchObject({ name: 'widget odd thing', marketplace: null, rule: undefined });
  });
  it('turns a message template into readable text', () => {
    const rule = ruleLabel('etsy.title.max_length').rule!;
    expect(ruleTemplateText(rule)).toBe('Title is … characters; Etsy allows …. Shorten it by ….');
  });
});
