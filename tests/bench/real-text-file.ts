import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { NewListing } from '../../core/catalog/insert-listings.js';
import { openImportSource } from '../../core/import/open-import-source.js';
import { corpusFiles, corpusPath } from '../corpus-files.js';

/**
 * A `count`-row JSONL import with real sellers' text: every listing every corpus file yields
 * (titles, HTML descriptions, tags, variants and kept columns of eBay, Etsy, Amazon, Shopify,
 * WooCommerce and Google files, several languages), repeated in turn with a copy number in the
 * ids so each row is a new listing. Our own demo text is shorter and more regular; this is the
 * text the full-text index and the rules really meet. Returns how many distinct listings it used.
 */
export async function writeRealTextFile(path: string, count: number): Promise<number> {
  const originals = await readCorpusListings();
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const original = originals[i % originals.length]!;
    const copy = Math.floor(i / originals.length);
    const suffix = `-r${copy}-${i}`;
    lines.push(
      JSON.stringify({
        ...original,
        sourceId: `${original.sourceId ?? 'row'}${suffix}`,
        sku: original.sku === null ? null : `${original.sku}${suffix}`,
        variants: original.variants.map((variant) => ({ ...variant, sku: variant.sku === null ? null : `${variant.sku}${suffix}` })),
      }),
    );
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return originals.length;
}

/**
 * Every listing the real corpus files yield, read as an import reads them (the benches' one way to
 * the corpus folders, through tests/corpus-files.ts). Throws when there is none.
 */
export async function readCorpusListings(): Promise<NewListing[]> {
  const originals: NewListing[] = [];
  for (const name of corpusFiles()) {
    try {
      const source = await openImportSource(corpusPath(name), { fileName: basename(name) });
      for await (const record of source.records) if (record.kind === 'listing') originals.push(record.listing);
    } catch {
      // A file the detector cannot place (a header-only template) adds no listings.
    }
  }
  if (originals.length === 0) throw new Error('No corpus listings: the real-text benches need ../shared/corpus or tests/real-files.');
  return originals;
}
