import type { NewVariant } from '../../catalog/insert-listings.js';
import { addAttributes, applyQuantity, cell, Columns, extraCellsWarning, finish, identifier, newDraft, rowErrorRecord, rejected, takePriceCurrency, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities, normaliseStatus, parsePrice, splitList, type ParsedPrice } from '../values.js';

/**
 * Shopify products CSV, both header generations (2019–2023 `Handle,Body (HTML),Variant Price…` and
 * 2024/25 `URL handle,Description,Price…`). Adjacent rows sharing a handle are one product: the first
 * carries the product fields, the others variants or only an extra image. The file has no currency
 * column (prices are in the store's currency), so listings take the import's default unless a
 * price names its own ("€12", "12.00 EUR"); the first such price of a product sets its currency.
 */

interface Group {
  handle: string;
  lines: number[];
  draft: Draft;
  warnings: Warnings;
  optionNames: string[];
  images: { position: number; order: number; url: string }[];
  variants: (NewVariant & { barcode: string | null; compareAt: string })[];
}

export async function* mapShopify(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const c = new Columns(ctx.header);
  const col = {
    handle: c.find('Handle', 'URL handle'),
    title: c.find('Title'),
    body: c.find('Body (HTML)', 'Description', 'Body HTML'),
    vendor: c.find('Vendor'),
    category: c.find('Product Category', 'Standardized Product Type', 'Custom Product Type'),
    type: c.find('Type'),
    tags: c.find('Tags'),
    published: c.find('Published', 'Published on online store'),
    status: c.find('Status'),
    optionName: [1, 2, 3].map((n) => c.find(`Option${n} Name`)),
    optionValue: [1, 2, 3].map((n) => c.find(`Option${n} Value`)),
    sku: c.find('Variant SKU', 'SKU'),
    qty: c.find('Variant Inventory Qty', 'Inventory quantity', 'Variant Inventory Quantity'),
    price: c.find('Variant Price', 'Price'),
    compareAt: c.find('Variant Compare At Price', 'Compare-at price'),
    barcode: c.find('Variant Barcode', 'Barcode'),
    image: c.find('Image Src', 'Product image URL'),
    imagePosition: c.find('Image Position'),
    variantImage: c.find('Variant Image', 'Variant image URL'),
    seoTitle: c.find('SEO Title'),
    seoDescription: c.find('SEO Description'),
  };
  const attributeColumns = c.matching(/\(product\.metafields\.|^google shopping \/|^gift card$/);
  const metafieldName = (h: string): string => h.replace(/\s*\(product\.metafields\.[^)]*\)\s*$/, '').trim() || h;

  let group = null as Group | null;
  const flush = (g: Group): MappedRecord => {
    const draft = g.draft;
    draft.images = g.images.sort((a, b) => a.position - b.position || a.order - b.order).map((i) => i.url);
    const real = g.variants.filter((v) => v.options.length > 0);
    if (g.variants.length === 1 || real.length === 0) {
      const v = g.variants[0];
      if (v) {
        draft.sku = v.sku;
        draft.priceMinor = v.priceMinor;
        draft.quantity = v.quantity;
        if (v.barcode) draft.attributes['Barcode'] = v.barcode;
        if (v.compareAt) draft.attributes['Compare-at price'] = v.compareAt;
        if (v.image && !draft.images.includes(v.image)) draft.images.push(v.image);
      }
      if (g.variants.length > 1) {
        g.warnings.add(g.lines[0] ?? 0, null, `${g.variants.length} variant rows have no option values; only the first was kept as the product's price and stock.`);
      }
    } else {
      draft.variants = g.variants.map(({ barcode: _b, compareAt: _c, ...v }) => v);
      const first = g.variants.find((v) => v.priceMinor !== null);
      draft.priceMinor = first?.priceMinor ?? null;
      const quantities = g.variants.map((v) => v.quantity).filter((q): q is number => q !== null);
      draft.quantity = quantities.length > 0 ? quantities.reduce((a, b) => a + b, 0) : null;
    }
    return finish(draft, g.lines, g.warnings.list);
  };

  for await (const row of rows) {
    if (row.problem) {
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const cells = row.cells;
    const title = decodeEntities(cell(cells, col.title));
    let handle = cell(cells, col.handle);
    if (handle === '' && title !== '') handle = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    if (handle === '') {
      if (group) {
        // A continuation row without its handle: treat as part of the product above.
        handle = group.handle;
      } else {
        yield rejected(row.line, 'The row has no handle and no title, so it belongs to no product.', ctx.header[col.handle] ?? 'Handle');
        continue;
      }
    }
    if (group && group.handle !== handle) {
      yield flush(group);
      group = null;
    }
    const isNew = group === null;
    const warnings: Warnings = group?.warnings ?? new Warnings();
    let variant: Group['variants'][number] | null = null;
    let price: ParsedPrice | null = null;
    try {
      const hasVariant = col.optionValue.some((i) => cell(cells, i) !== '') || cell(cells, col.sku) !== '' || cell(cells, col.price) !== '';
      if (hasVariant) {
        const names = isNew ? col.optionName.map((i) => cell(cells, i)) : group!.optionNames;
        const options: { name: string; value: string }[] = [];
        col.optionValue.forEach((i, k) => {
          const value = cell(cells, i);
          const name = names[k] || `Option ${k + 1}`;
          if (value !== '' && !(name === 'Title' && value === 'Default Title')) options.push({ name, value });
        });
        // Amounts without a currency of their own are read in the product's (so "1200" JPY stays 1200).
        price = parsePrice(cell(cells, col.price), ctx.header[col.price] ?? 'Price', { currency: group?.draft.currency ?? ctx.defaultCurrency });
        const v = { sku: cell(cells, col.sku) || null, options, priceMinor: price?.minor ?? null, quantity: null as number | null, image: cell(cells, col.variantImage) || null };
        applyQuantity(v, cell(cells, col.qty), ctx.header[col.qty] ?? 'Quantity', row.line, warnings);
        variant = { ...v, barcode: identifier(cells, col.barcode, ctx.header, row.line, warnings), compareAt: cell(cells, col.compareAt) };
      }
    } catch (err) {
      yield rowErrorRecord(err, [row.line]);
      continue;
    }
    extraCellsWarning(row, warnings);
    if (isNew) {
      const draft = newDraft('shopify', ctx);
      draft.sourceId = handle;
      draft.title = title;
      draft.description = cell(cells, col.body) === '' ? '' : (cells[col.body] ?? '');
      draft.brand = cell(cells, col.vendor) || null;
      draft.category = cell(cells, col.category) || cell(cells, col.type) || null;
      if (cell(cells, col.category) && cell(cells, col.type)) draft.attributes['Type'] = cell(cells, col.type);
      draft.tags = splitList(cell(cells, col.tags));
      const status = normaliseStatus(cell(cells, col.status));
      const published = cell(cells, col.published).toLowerCase();
      draft.status = status ?? (published === 'false' ? 'draft' : 'active');
      if (cell(cells, col.seoTitle)) draft.attributes['SEO title'] = cell(cells, col.seoTitle);
      if (cell(cells, col.seoDescription)) draft.attributes['SEO description'] = cell(cells, col.seoDescription);
      addAttributes(draft, cells, attributeColumns, ctx.header, row.line, warnings, metafieldName);
      group = { handle, lines: [], draft, warnings, optionNames: col.optionName.map((i) => cell(cells, i)), images: [], variants: [] };
    }
    const g = group!;
    g.lines.push(row.line);
    const image = cell(cells, col.image);
    if (image) {
      const pos = Number(cell(cells, col.imagePosition));
      g.images.push({ position: Number.isFinite(pos) && pos > 0 ? pos : 1e9, order: g.images.length, url: image });
    }
    if (variant) g.variants.push(variant);
    if (price !== null && !g.draft.currencyFromFile) takePriceCurrency(g.draft, price);
  }
  if (group) yield flush(group);
}

