import type { RowProblem } from '../../../common/import-types.js';
import { addAttributes, applyPrice, applyQuantity, cell, Columns, extraCellsWarning, finish, identifier, newDraft, rowErrorRecord, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities, splitList } from '../values.js';

/**
 * Amazon inventory flat file (category template): optional `TemplateType=…` row and labels row
 * (skipped by read-table), API-name header (`item_sku,item_name,…`). Bullet points become
 * attributes, generic_keywords tags, main/other image URLs images. Parent/child rows are joined
 * into one listing with variants (parents and children are held until the end of the file, as
 * Amazon does not require children to follow their parent).
 */

const MARKETPLACE_CURRENCY: Record<string, string> = {
  A1F83G8C2ARO7P: 'GBP',
  ATVPDKIKX0DER: 'USD',
  A2EUQ1WTGCTBG2: 'CAD',
  A1AM78C64UM0Y8: 'MXN',
  A1PA6795UKMFR9: 'EUR',
  A13V1IB3VIYZZH: 'EUR',
  APJ6JRA9NG5V4: 'EUR',
  A1RKKUPIHCS9HS: 'EUR',
  A1805IZSGTT6HS: 'EUR',
  A1VC38T7YXB528: 'JPY',
  A39IBJ37TRP1C6: 'AUD',
  A21TJRUUN4KGV: 'INR',
};
const EURO = new Set(['EUR']);

export function amazonCurrencyFromPreamble(preamble: readonly (readonly string[])[]): string | null {
  const text = preamble.map((r) => r.join(',')).join('\n');
  const m = /primaryMarketplaceId=amzn1\.mp\.o\.([A-Z0-9]+)/.exec(text);
  return m ? (MARKETPLACE_CURRENCY[m[1]!] ?? null) : null;
}

const VARIANT_OPTIONS: [string, string][] = [
  ['size_name', 'Size'],
  ['color_name', 'Colour'],
  ['style_name', 'Style'],
  ['material_type', 'Material'],
  ['flavor_name', 'Flavour'],
  ['pattern_name', 'Pattern'],
];

interface Pending {
  draft: Draft;
  lines: number[];
  warnings: Warnings;
}

export async function* mapAmazonFlatFile(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const c = new Columns(ctx.header);
  const fileCurrency = amazonCurrencyFromPreamble(ctx.preamble);
  const col = {
    sku: c.find('item_sku', 'sku', 'Seller SKU'),
    title: c.find('item_name', 'Product Name', 'title'),
    brand: c.find('brand_name', 'brand'),
    description: c.find('product_description', 'description'),
    keywords: c.find('generic_keywords', 'generic_keywords1'),
    price: c.find('standard_price', 'price', 'list_price'),
    quantity: c.find('quantity', 'fulfillment_availability#1.quantity'),
    currency: c.find('currency'),
    mainImage: c.find('main_image_url', 'main_product_image_locator'),
    productId: c.find('external_product_id'),
    productIdType: c.find('external_product_id_type'),
    condition: c.find('condition_type'),
    category: c.find('item_type_name', 'item_type'),
    productType: c.find('feed_product_type'),
    parentChild: c.find('parent_child'),
    parentSku: c.find('parent_sku'),
    theme: c.find('variation_theme'),
    updateDelete: c.find('update_delete'),
  };
  const bullets = c.matching(/^bullet_point\d+$/);
  const otherImages = c.matching(/^other_image_url\d+$/);
  const optionCols = VARIANT_OPTIONS.map(([key, name]) => [c.find(key, `${key}1`), name] as const).filter(([i]) => i >= 0);
  const keepCols = c.matching(/^(manufacturer|part_number|model|model_name|metal_type|material_type\d*|department_name\d*|country_of_origin|target_gender|recommended_browse_nodes|item_type_name)$/);
  const parents = new Map<string, Pending>();
  const order: Pending[] = [];
  const children: { parentSku: string; pending: Pending }[] = [];

  const build = (row: TableRow, warnings: Warnings): Draft => {
    const cells = row.cells;
    const draft = newDraft('amazon', ctx, cell(cells, col.currency) || fileCurrency);
    draft.sku = cell(cells, col.sku) || null;
    const idType = cell(cells, col.productIdType).toUpperCase();
    const productId = identifier(cells, col.productId, ctx.header, row.line, warnings);
    if (productId) {
      if (idType === 'ASIN') draft.sourceId = productId;
      else draft.attributes[idType || 'Product ID'] = productId;
    }
    draft.title = decodeEntities(cell(cells, col.title));
    draft.brand = cell(cells, col.brand) || null;
    draft.description = cells[col.description] ?? '';
    applyPrice(draft, cell(cells, col.price), ctx.header[col.price] ?? 'standard_price', { decimalComma: EURO.has(draft.currency.toUpperCase()) });
    applyQuantity(draft, cell(cells, col.quantity), ctx.header[col.quantity] ?? 'quantity', row.line, warnings);
    const keywords = cell(cells, col.keywords);
    draft.tags = /[,;]/.test(keywords) ? splitList(keywords, /[,;]/) : keywords ? [keywords] : [];
    draft.images = [cell(cells, col.mainImage), ...otherImages.map((i) => cell(cells, i))].filter((u) => u !== '');
    draft.condition = cell(cells, col.condition) || null;
    draft.category = cell(cells, col.category) || cell(cells, col.productType) || null;
    bullets.forEach((i, k) => {
      const v = cell(cells, i);
      if (v) draft.attributes[`Bullet point ${k + 1}`] = v;
    });
    if (cell(cells, col.productType)) draft.attributes['Product type'] = cell(cells, col.productType);
    addAttributes(draft, cells, keepCols, ctx.header, row.line, warnings);
    if (cell(cells, col.updateDelete).toLowerCase() === 'delete') {
      draft.status = 'archived';
      warnings.add(row.line, 'update_delete', 'The row asks Amazon to delete the listing; imported as Archived.');
    }
    return draft;
  };

  for await (const row of rows) {
    if (row.problem) {
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const warnings = new Warnings();
    extraCellsWarning(row, warnings);
    let draft: Draft;
    try {
      draft = build(row, warnings);
    } catch (err) {
      yield rowErrorRecord(err, [row.line]);
      continue;
    }
    const kind = cell(row.cells, col.parentChild).toLowerCase();
    const pending = { draft, lines: [row.line], warnings };
    if (kind === 'parent' && draft.sku) {
      parents.set(draft.sku, pending);
      order.push(pending);
    } else if (kind === 'child' && cell(row.cells, col.parentSku)) {
      const options = optionCols.map(([i, name]) => ({ name, value: cell(row.cells, i) })).filter((o) => o.value !== '');
      draft.variants = [{ sku: draft.sku, options, priceMinor: draft.priceMinor, quantity: draft.quantity, image: draft.images[0] ?? null }];
      children.push({ parentSku: cell(row.cells, col.parentSku), pending });
    } else {
      yield finish(draft, pending.lines, warnings.list);
    }
  }
  for (const { parentSku, pending } of children) {
    const parent = parents.get(parentSku);
    if (!parent) {
      pending.draft.variants = [];
      pending.warnings.add(pending.lines[0] ?? 0, 'parent_sku', `Parent SKU "${parentSku}" is not in the file; imported as a listing of its own.`);
      order.push(pending);
      continue;
    }
    parent.draft.variants.push(...pending.draft.variants);
    parent.lines.push(...pending.lines);
    parent.warnings.list.push(...(pending.warnings.list as RowProblem[]));
    for (const image of pending.draft.images) if (!parent.draft.images.includes(image)) parent.draft.images.push(image);
  }
  for (const p of order) {
    if (p.draft.variants.length > 0) {
      const priced = p.draft.variants.find((v) => v.priceMinor !== null);
      p.draft.priceMinor ??= priced?.priceMinor ?? null;
      const q = p.draft.variants.map((v) => v.quantity).filter((x): x is number => x !== null);
      if (p.draft.quantity === null && q.length > 0) p.draft.quantity = q.reduce((a, b) => a + b, 0);
    }
    p.lines.sort((a, b) => a - b);
    yield finish(p.draft, p.lines, p.warnings.list);
  }
}
