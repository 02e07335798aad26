import type { NewVariant } from '../../catalog/insert-listings.js';
import { attributeLayout, isAttributePath, marketplaceOf } from '../amazon-attribute-keys.js';
import { amazonValue, isAmazonSettingsRow, parseAmazonSettings } from '../amazon-settings.js';
import { englishHeaders } from '../canonical-headers.js';
import { conditionFromToken } from '../amazon-condition.js';
import { applyFbaOffer, fbaOfferColumns } from '../amazon-fba-inventory.js';
import { parseOpenDate } from '../amazon-open-date.js';
import { REPORT_STATUS, reportStatus } from '../amazon-report-status.js';
import { optionName, themeColumns } from '../amazon-variation-theme.js';
import { REPORT_ASIN, REPORT_ATTRIBUTES, REPORT_OPEN_DATE } from './amazon-all-listings.js';
import { addAttributes, applyPrice, cell, Columns, extraCellsWarning, finish, identifier, keepColumns, markUnknown, newDraft, rejected, rowErrorRecord, setAttributeFrom, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { readStock } from '../stock-cell.js';
import { decodeEntities, normaliseStatus, splitList } from '../values.js';
import { ownCells } from '../variant-cells.js';

/**
 * Amazon inventory flat file (category template): optional `TemplateType=…` row and labels row
 * (skipped by read-table), API-name header (`item_sku,item_name,…`). Amazon's current templates and
 * Category Listings Report are read the same way: their attribute-path headers
 * (`contribution_sku#1.value`) are looked up by the flat-file names (amazon-attribute-keys.ts), and
 * their localized drop-down values (`Principale`, `Crea o modifica`) by what Amazon stores
 * (amazon-settings.ts).
 *
 * The seller SKU is Amazon's key: it is the listing's identity (source id and SKU), so two offers
 * of one product (merchant-fulfilled and FBA, two conditions) are two listings; the ASIN is an
 * attribute written back to `external_product_id`. Bullet points, the product type and a few
 * product facts become attributes; every other column (Amazon's hundreds of attribute columns) is
 * kept with the listing exactly as written.
 *
 * Parent/child rows (`parent_child`, `parent_sku`, `relationship_type`, `variation_theme`) become
 * one listing — the parent, keyed by its SKU — with a variant per child: its own SKU, options from
 * the columns its theme names, its price (else the parent's) and stock, and the cells it does not
 * share with the parent row kept as the variant's own. Parents and children are held until the
 * end of the file, as Amazon does not require children to follow their parent.
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

/** The currency of the marketplace a column's path names (`purchasable_offer[marketplace_id=A1F83G8C2ARO7P]…` → GBP), or null. */
const currencyOfColumn = (header: string | undefined): string | null => {
  const id = header === undefined ? null : marketplaceOf(header);
  return id === null ? null : (MARKETPLACE_CURRENCY[id] ?? null);
};

/** Option columns of children whose theme names none the file has. */
const USUAL_OPTION_COLUMNS = ['size_name', 'color_name', 'style_name', 'material_type', 'flavor_name', 'pattern_name'];

/** Product facts shown as attributes (the rest of Amazon's columns are kept as written). */
const ATTRIBUTE_COLUMNS = /^(manufacturer|part_number|model|model_name|metal_type|material_type\d*|department_name\d*|country_of_origin|target_gender|recommended_browse_nodes)$/;

interface Pending {
  row: TableRow;
  draft: Draft;
  lines: number[];
  warnings: Warnings;
  /** Currencies its children's rows state: a parent row, which has no price, often leaves currency blank. */
  childCurrencies: Set<string>;
}

export async function* mapAmazonFlatFile(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  // What the reader looks columns up by: the flat-file name of an attribute path, else the header.
  const names = englishHeaders('amazon_flat_file', header);
  const c = new Columns(names);
  const settings = ctx.preamble[0] !== undefined && isAmazonSettingsRow(ctx.preamble[0]) ? parseAmazonSettings(ctx.preamble[0]) : null;
  /** A drop-down cell as Amazon stores it: `Principale` → parent (current templates; a flat file's cell as written). */
  const stored = (cells: readonly string[], index: number): string => (index < 0 ? '' : amazonValue(settings, header[index]!, cell(cells, index)));
  const col = {
    sku: c.find('item_sku', 'sku', 'Seller SKU'),
    title: c.find('item_name', 'Product Name', 'title'),
    // A Category Listings Report's `::title`: the title Amazon shows, read when item_name is blank.
    shownTitle: c.find('amazon_title'),
    // A Category Listings Report's `::listing_status` (Active, Inactive, Incomplete).
    listingStatus: c.find('listing_status'),
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
    relationship: c.find('relationship_type'),
    theme: c.find('variation_theme'),
    updateDelete: c.find('update_delete'),
  };
  const fileCurrency = amazonCurrencyFromPreamble(ctx.preamble) ?? currencyOfColumn(header[col.price]);
  // A current template's listings go back under its attribute paths, for its marketplace and language.
  const layout = isAttributePath(header[col.sku] ?? '') ? attributeLayout(header, settings?.marketplaceId ?? null) : undefined;
  const bullets = c.matching(/^bullet_point\d+$/);
  const otherImages = c.matching(/^other_image_url\d+$/);
  const attributes = c.matching(ATTRIBUTE_COLUMNS);
  // A flat file Listsmith wrote for All Listings report listings carries the report's own columns
  // (asin1, listing-id…): read back as the report reader reads them, the listing comes back the same.
  const reportAsin = c.find(...REPORT_ASIN);
  const reportAttributes = c.matching(REPORT_ATTRIBUTES);
  const reportOpenDate = c.find(...REPORT_OPEN_DATE);
  // …and its status (Active, Inactive, Incomplete), read as the report reads it and kept as written.
  const reportStatusColumn = c.find(...REPORT_STATUS);
  // So do an FBA inventory report's offer columns (kept as written): a blank quantity is its offer's stock.
  const offers = fbaOfferColumns(header);
  const untouched = c.unused();
  const usualOptions = USUAL_OPTION_COLUMNS.map((name) => names.findIndex((h) => [name, `${name}1`].includes(Columns.key(h)))).filter((i) => i >= 0);
  const headerOf = (index: number, fallback: string): string => header[index] ?? fallback;

  const build = (row: TableRow, warnings: Warnings): Draft => {
    const cells = row.cells;
    const draft = newDraft('amazon', ctx, cell(cells, col.currency) || fileCurrency);
    draft.sku = cell(cells, col.sku) || null;
    draft.sourceId = draft.sku;
    const productId = identifier(cells, col.productId, header, row.line, warnings);
    if (productId) {
      const type = cell(cells, col.productIdType).toUpperCase();
      setAttributeFrom(draft, type || 'Product ID', headerOf(col.productId, 'external_product_id'), productId);
    } else {
      keepColumns(draft.kept.columns, cells, header, [col.productId]);
    }
    draft.title = decodeEntities(cell(cells, col.title) || cell(cells, col.shownTitle));
    // The report's word (Active, Inactive, Incomplete) is the status, and goes back as written while
    // the status still says it; a word not known here stays a column as written, the status untouched.
    const statusWord = cell(cells, col.listingStatus);
    const status = normaliseStatus(statusWord);
    if (status !== null) {
      draft.status = status;
      draft.kept.status = statusWord;
    } else {
      keepColumns(draft.kept.columns, cells, header, [col.listingStatus]);
    }
    draft.brand = cell(cells, col.brand) || null;
    draft.description = cells[col.description] ?? '';
    applyPrice(draft, cell(cells, col.price), headerOf(col.price, 'standard_price'), { decimalComma: EURO.has(draft.currency.toUpperCase()) });
    draft.quantity = readStock(cell(cells, col.quantity), headerOf(col.quantity, 'quantity'), row.line, warnings, draft.kept.columns);
    const reportWord = col.listingStatus < 0 ? cell(cells, reportStatusColumn) : '';
    if (reportWord !== '') {
      const read = reportStatus(reportWord);
      draft.status = read.status;
      if (read.kept !== undefined) draft.kept.status = read.kept;
    }
    keepColumns(draft.kept.columns, cells, header, [reportStatusColumn]);
    if (offers !== null && cell(cells, col.quantity) === '') applyFbaOffer(draft, cells, header, offers, row.line, warnings, col.listingStatus < 0 && reportStatusColumn < 0);
    const keywords = cell(cells, col.keywords);
    draft.tags = /[,;]/.test(keywords) ? splitList(keywords, /[,;]/) : keywords ? [keywords] : [];
    draft.images = [cell(cells, col.mainImage), ...otherImages.map((i) => cell(cells, i))].filter((u) => u !== '');
    draft.condition = cell(cells, col.condition) ? conditionFromToken(cell(cells, col.condition)) : null;
    draft.category = cell(cells, col.category) || cell(cells, col.productType) || null;
    for (const i of bullets) {
      const value = cell(cells, i);
      if (value) setAttributeFrom(draft, `Bullet point ${/\d+$/.exec(names[i]!)![0]}`, header[i]!, value);
    }
    if (cell(cells, col.productType)) setAttributeFrom(draft, 'Product type', headerOf(col.productType, 'feed_product_type'), cell(cells, col.productType));
    addAttributes(draft, cells, attributes, header, row.line, warnings);
    const asin = cell(cells, reportAsin);
    if (asin && draft.attributes['ASIN'] === undefined) setAttributeFrom(draft, 'ASIN', header[reportAsin]!, asin);
    else keepColumns(draft.kept.columns, cells, header, [reportAsin]);
    addAttributes(draft, cells, reportAttributes, header, row.line, warnings);
    const opened = parseOpenDate(cell(cells, reportOpenDate));
    if (opened !== null) draft.createdAt = opened;
    keepColumns(draft.kept.columns, cells, header, [reportOpenDate]);
    const deletes = stored(cells, col.updateDelete).toLowerCase() === 'delete';
    if (deletes) {
      draft.status = 'archived';
      warnings.add(row.line, headerOf(col.updateDelete, 'update_delete'), 'The row asks Amazon to delete the listing; imported as Archived.');
    }
    if (layout !== undefined) draft.kept.layout = layout;
    // Read into fields above, but written back as the file had them: the id's type, the update
    // mode (not a Delete: the status says it, and an export never deletes), and the row's place in
    // a family (a parent's theme names its option columns).
    keepColumns(draft.kept.columns, cells, header, [col.productIdType, deletes ? -1 : col.updateDelete, col.parentChild, col.parentSku, col.relationship, col.theme, col.shownTitle]);
    keepColumns(draft.kept.columns, cells, header, untouched);
    markUnknown(draft, {
      sku: col.sku,
      description: col.description,
      priceMinor: col.price,
      quantity: col.quantity >= 0 || offers !== null,
      tags: col.keywords,
      materials: false,
      images: col.mainImage,
      category: Math.max(col.category, col.productType),
      brand: col.brand,
      condition: col.condition,
    });
    return draft;
  };

  /** A partial update may leave item_name out (Amazon keeps its title); Listsmith still needs one. */
  const finishRow = (p: Pending): MappedRecord => {
    const partial = stored(p.row.cells, col.updateDelete).toLowerCase().replace(/[\s_]/g, '') === 'partialupdate';
    if (p.draft.title.trim() === '' && partial) {
      return rejected(p.lines, `The row has no item_name. Amazon accepts that in a PartialUpdate (it keeps the title it has), but every Listsmith listing needs a title: add it in item_name, or import an All Listings report, which has the titles.`, headerOf(col.title, 'item_name'));
    }
    return finish(p.draft, p.lines, p.warnings.list);
  };

  const variantOf = (child: Pending, parent: Pending): NewVariant => {
    const cells = child.row.cells;
    const theme = cell(cells, col.theme) || cell(parent.row.cells, col.theme);
    const themed = themeColumns(theme, names);
    const optionColumns = themed.length > 0 ? themed : usualOptions.filter((i) => cell(cells, i) !== '');
    const options = optionColumns.map((i) => ({ name: optionName(names[i]!), value: cell(cells, i) })).filter((o) => o.value !== '');
    const image = cell(cells, col.mainImage) || null;
    // An unreadable stock cell is not the variant's quantity: it stays among its own cells.
    const stockRead = child.draft.quantity !== null || cell(cells, col.quantity) === '';
    const skip = new Set([col.sku, col.price, stockRead ? col.quantity : -1, col.mainImage, col.parentChild, col.parentSku, col.relationship, ...optionColumns]);
    const columns = ownCells(cells, parent.row.cells, header, skip);
    return {
      sku: child.draft.sku,
      options,
      priceMinor: child.draft.priceMinor ?? parent.draft.priceMinor,
      quantity: child.draft.quantity,
      image,
      ...(columns ? { columns } : {}),
    };
  };

  /**
   * A row's place in a family. Amazon fills the parentage cell only for parents and children, so a
   * word there on a row that names no parent is a parent's, in any language (`Parent`, `Principale`,
   * an export of such a file, which has no settings row to translate it).
   */
  const familyRole = (cells: readonly string[]): 'parent' | 'child' | '' => {
    const word = stored(cells, col.parentChild).toLowerCase();
    if (word === 'child') return 'child';
    return word === 'parent' || (word !== '' && cell(cells, col.parentSku) === '') ? 'parent' : '';
  };

  const parents = new Map<string, Pending>();
  const held: Pending[] = [];
  const children: { parentSku: string; pending: Pending }[] = [];
  /** Parent rows that could not be read, by SKU → line: their children say so. */
  const unreadParents = new Map<string, number>();
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
      if (familyRole(row.cells) === 'parent') unreadParents.set(cell(row.cells, col.sku), row.line);
      continue;
    }
    const kind = familyRole(row.cells);
    const pending: Pending = { row, draft, lines: [row.line], warnings, childCurrencies: new Set() };
    if (kind === 'parent' && draft.sku && !parents.has(draft.sku)) {
      parents.set(draft.sku, pending);
      held.push(pending);
    } else if (kind === 'child' && cell(row.cells, col.parentSku)) {
      children.push({ parentSku: cell(row.cells, col.parentSku), pending });
    } else {
      yield finishRow(pending);
    }
  }
  for (const { parentSku, pending } of children) {
    const parent = parents.get(parentSku);
    if (!parent) {
      const unread = unreadParents.get(parentSku);
      const why = unread === undefined ? 'is not in the file' : `(line ${unread}) could not be read`;
      pending.warnings.add(pending.lines[0] ?? 0, headerOf(col.parentSku, 'parent_sku'), `Parent SKU "${parentSku}" ${why}; imported as a listing of its own.`);
      held.push(pending);
      continue;
    }
    parent.draft.variants.push(variantOf(pending, parent));
    if (pending.draft.currencyFromFile) parent.childCurrencies.add(pending.draft.currency);
    parent.lines.push(...pending.lines);
    parent.warnings.list.push(...pending.warnings.list);
  }
  for (const p of held) {
    const variants = p.draft.variants;
    if (variants.length > 0) {
      // The family's prices are its children's: in the currency they state when the parent states none.
      if (!p.draft.currencyFromFile && p.draft.priceMinor === null && p.childCurrencies.size === 1) {
        p.draft.currency = [...p.childCurrencies][0]!;
        p.draft.currencyFromFile = true;
      }
      p.draft.priceMinor ??= variants.find((v) => v.priceMinor !== null)?.priceMinor ?? null;
      const stock = variants.map((v) => v.quantity).filter((q): q is number => q !== null);
      if (p.draft.quantity === null && stock.length > 0) p.draft.quantity = stock.reduce((a, b) => a + b, 0);
    }
    p.lines.sort((a, b) => a - b);
    yield finishRow(p);
  }
}
