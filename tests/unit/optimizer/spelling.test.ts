import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpellChecker } from '../../../core/optimizer/spell-checker.js';
import { englishDictionaryPaths, loadEnglishDictionary } from '../../../core/optimizer/english-dictionary.js';
import { runOptimizerBatch } from '../../../core/jobs/pool-run-batch.js';
import { optimizeListing } from '../../../core/optimizer/optimize-listing.js';
import type { FieldProposal, SpellChecker } from '../../../core/optimizer/proposal.js';
import { repoRoot } from '../paths.js';
import { checker, listing } from './helpers.js';

describe('the English dictionary', () => {
  it("finds dictionary-en's Hunspell files beside its index.js (its exports map hides them)", () => {
    const paths = englishDictionaryPaths();
    expect(paths.aff).toMatch(/dictionary-en[/\\]index\.aff$/);
    expect(paths.dic).toMatch(/dictionary-en[/\\]index\.dic$/);
    expect(existsSync(paths.aff) && existsSync(paths.dic)).toBe(true);
    expect(englishDictionaryPaths(join(repoRoot, 'workers', 'optimize.worker.cjs'))).toEqual(paths);
  });

  it('builds a checker from the bytes (what a worker passes in) that knows shop words', () => {
    const files = loadEnglishDictionary();
    expect(files.dic.length).toBeGreaterThan(100_000);
    const fresh = createSpellChecker(files);
    expect(fresh.correct('necklace')).toBe(true);
    expect(fresh.correct('Necklace')).toBe(true);
    expect(fresh.correct('neckalce')).toBe(false);
    expect(fresh.correct('boho')).toBe(true);
    expect(fresh.correct('labradorite')).toBe(true);
    expect(createSpellChecker(files, []).correct('labradorite')).toBe(false);
  });

  it('suggests at most three corrections and remembers them', () => {
    const suggestions = checker.suggest('neckalce');
    expect(suggestions[0]).toBe('necklace');
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(checker.suggest('neckalce')).toBe(suggestions);
    expect(checker.suggest('necklace')).toEqual([]);
  });
});

describe('spelling suggestions in a proposal', () => {
  it('reports unknown words with positions in the proposed text and never applies them', () => {
    const proposal = optimizeListing(listing({ title: 'Handmade Leather Walet for Men, Slim Bifold Card Holder in Brown Cowhide' }), 'ebay');
    const walet = proposal.spelling.find((s) => s.word === 'Walet');
    expect(walet).toMatchObject({ field: 'title', suggestions: expect.arrayContaining(['Wallet']) });
    const titleField = proposal.fields.find((f): f is FieldProposal<'title'> => f.field === 'title');
    const title = titleField?.after ?? 'Handmade Leather Walet for Men, Slim Bifold Card Holder in Brown Cowhide';
    expect(title.slice(walet?.start, walet?.end)).toBe('Walet');
  });

  it('skips the brand, ALL CAPS, words with digits, inner capitals, non-Latin words, markup, URLs and e-mails', () => {
    const description =
      '<p>Made by Zorblex Studio&hellip; NECKALCE ZX9000 neckalce2 iPhoen 漢字 www.neckalce.com neckalce@example.com https://example.com/neckalce</p><img alt="neckalce" src="https://example.com/neckalce.jpg">';
    const proposal = optimizeListing(listing({ brand: 'Zorblex Studio', title: 'Zorblex Leather Wallet for Men, Slim Bifold Card Holder', description }), 'shopify');
    expect(proposal.spelling).toEqual([]);
  });

  it('reports tags with their item index, but not lower-case names and acronyms (tag convention)', () => {
    const proposal = optimizeListing(listing({ tags: ['leather walet', 'samsung case', 'usb cable'] }), 'ebay');
    expect(proposal.spelling).toEqual([expect.objectContaining({ field: 'tags', word: 'walet', item: 0, start: 8, end: 13 })]);
  });

  it('reports each word once per field, and nothing when spelling is disabled', () => {
    const description = 'Walet walet walet. A walet for every day, made to last for many years of daily use.';
    const proposal = optimizeListing(listing({ description }), 'woocommerce');
    expect(proposal.spelling.filter((s) => s.field === 'description').map((s) => s.word)).toEqual(['Walet', 'walet']);
    expect(optimizeListing(listing({ description }), 'woocommerce', { spellChecker: null }).spelling).toEqual([]);
  });

  it('a job computes no suggestions (the review does, lazily) but still reads acronyms with the dictionary', () => {
    const input = listing({ title: 'USB LEATHER WALET FOR MEN', description: 'A walet for every day, made to last for many years of daily use.' });
    const job = runOptimizerBatch({ listings: [{ ...input, id: 1 }], marketplace: 'ebay' })[0]!;
    expect(job.spelling).toEqual([]);
    const full = optimizeListing(input, 'ebay');
    expect(full.spelling.length).toBeGreaterThan(0);
    // The same proposal otherwise: "USB" stays an acronym in both.
    expect(job.fields).toEqual(full.fields);
    expect(job.fields.find((f) => f.field === 'title')?.after).toMatch(/^USB /);
  });

  it('uses an injected checker (a worker can bring its own dictionary)', () => {
    const calls: string[] = [];
    const custom: SpellChecker = {
      correct: (word) => (calls.push(word), word !== 'Wallet'),
      suggest: () => ['Walled', 'Quillet'],
    };
    const proposal = optimizeListing(listing(), 'woocommerce', { spellChecker: custom });
    expect(calls.length).toBeGreaterThan(0);
    // Its guesses pass the same filter: close (one edit for a 6-letter word) and common.
    expect(proposal.spelling).toEqual([expect.objectContaining({ word: 'Wallet', suggestions: ['Walled'] })]);
  });
});
