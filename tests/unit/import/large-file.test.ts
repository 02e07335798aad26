import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { fixture } from './helpers.js';

/** Writes a Shopify CSV of `products` × 2 variant rows (+ an image-only row every 10th product). */
async function writeShopify(products: number): Promise<{ path: string; rows: number }> {
  const path = fixture('');
  const out = createWriteStream(path);
  let rows = 0;
  const write = async (line: string): Promise<void> => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('Handle,Title,Body (HTML),Vendor,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Image Src,Image Position,Status\r\n');
  for (let i = 0; i < products; i++) {
    await write(`product-${i},"Product ${i}, handmade","<p>Line one</p>\n<p>Line two</p>",Acme,"tag${i % 50}, gift",Size,S,SKU-${i}-S,${i % 7},${(i % 100) + 1}.99,https://cdn.example/${i}.jpg,1,active\r\n`);
    await write(`product-${i},,,,,,M,SKU-${i}-M,3,${(i % 100) + 2}.50,,,\r\n`);
    rows += 2;
    if (i % 10 === 0) {
      await write(`product-${i},,,,,,,,,,https://cdn.example/${i}-b.jpg,2,\r\n`);
      rows++;
    }
  }
  out.end();
  await once(out, 'finish');
  return { path, rows };
}

describe('large files', () => {
  it('a 200k-row Shopify CSV streams in flat memory', { timeout: 60_000 }, async () => {
    const { path, rows } = await writeShopify(95_239);
    expect(rows).toBeGreaterThanOrEqual(200_000);
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const started = performance.now();
    const source = await openImportSource(path, { fileName: 'big.csv' });
    let listings = 0;
    let lines = 0;
    let variants = 0;
    for await (const record of source.records) {
      lines += record.lines.length;
      if (record.kind === 'listing') {
        listings++;
        variants += record.listing.variants.length;
      }
      if (listings % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const seconds = (performance.now() - started) / 1000;
    expect(source.dataRows()).toBe(rows);
    expect(lines).toBe(rows);
    expect(listings).toBe(95_239);
    expect(variants).toBe(95_239 * 2);
    expect(source.bytesRead()).toBe(source.totalBytes);
    // The file is ~30 MB of text; the records are dropped as they go, so the heap stays flat.
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    console.log(`200k-row Shopify CSV: ${rows} rows in ${seconds.toFixed(2)} s (${Math.round(rows / seconds)} rows/s), heap growth peak ${Math.round((peak - before) / 1024 / 1024)} MB`);
  });
});
