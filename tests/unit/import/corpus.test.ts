import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportDialect } from '../../../common/import-types.js';
import { previewImport } from '../../../core/import/preview-import.js';
import { ContractError } from '../../../common/result.js';
import { hasCorpusFile, projectCorpus, projectCorpusFiles } from '../../corpus-files.js';
import { collect, corpusFiles, corpusPath, type Collected } from './helpers.js';

/**
 * Every real export file (the shared corpus and tests/real-files). Counts were verified
 * independently (csv-parse sync + adjacent-handle grouping, grep of <entry>). A file nobody here
 * has seen gets the checks that need no expectations: every data row in exactly one record.
 */

interface Expectation {
  file: string;
  dialect: ImportDialect;
  rows: number;
  listings: number;
  rejected: number;
}

const FILES: Expectation[] = [
  { file: 'amazon_uk_flatfile_jewelry_apiheader-only_utf8bom__pmrgraphics.csv', dialect: 'amazon_flat_file', rows: 1619, listings: 1615, rejected: 4 },
  { file: 'amazon_uk_flatfile_jewelry_fptcustom_3row-header_cp1252__pmrgraphics.csv', dialect: 'amazon_flat_file', rows: 1619, listings: 1615, rejected: 4 },
  // Amazon's FBA inventory report (sku, fnsku, product-name, your-price, each offer's stock): Amazon's listings, read by the All Listings reader.
  { file: 'amazon_fba-inventory-report_IT_merchant-and-fba-offers__Vladiuse.txt', dialect: 'amazon_all_listings', rows: 96, listings: 96, rejected: 0 },
  // 2 of its SKUs have no offer (condition Unknown, no price): listings still, Inactive.
  { file: 'amazon_fba-inventory-report_DE_unknown-condition-no-offer__Vladiuse.txt', dialect: 'amazon_all_listings', rows: 46, listings: 46, rejected: 0 },
  // 6 of its titles (Amazon's own) are over 200 characters: imported as they are, with a warning each.
  { file: 'amazon_fba-inventory-report_FR_titles-over-200-characters__Vladiuse.txt', dialect: 'amazon_all_listings', rows: 22, listings: 22, rejected: 0 },
  { file: 'dataset_myntra_products_catalog__KrishnakantDas.csv', dialect: 'generic_csv', rows: 12491, listings: 12491, rejected: 0 },
  // 1 real row whose unquoted multi-line description spans lines 4–14: read as one row again.
  { file: 'depop_bulk-listing-template-v5__depopAutomation.csv', dialect: 'generic_csv', rows: 1, listings: 1, rejected: 0 },
  { file: 'ebay_current-listings_title-itemnumber-qty__pmrgraphics.csv', dialect: 'ebay_report', rows: 678, listings: 678, rejected: 0 },
  // Seller Hub's 2025 "All active listings" report: a multi-variation item's row lists every value, then one row per variation (MPN=Pond), no SKUs.
  { file: 'ebay_all-active-listings-report_2025_variation-details_no-sku__Raider3267.csv', dialect: 'ebay_report', rows: 40, listings: 17, rejected: 0 },
  // A UK (GBP) report of 2026: variation rows priced apart from the listing row, whose Current price is the lowest price in stock.
  { file: 'ebay_all-active-listings-report_2026_UK_GBP_variation-prices__ruty263.csv', dialect: 'ebay_report', rows: 602, listings: 569, rejected: 0 },
  // The older File Exchange download: 250 SKUs shared by different item numbers stay different listings.
  { file: 'ebay_file-exchange_active-listings-download_legacy__emailnjv.csv', dialect: 'ebay_report', rows: 4791, listings: 4791, rejected: 0 },
  { file: 'ebay_itemid-title-html-description__pmrgraphics.csv', dialect: 'ebay_report', rows: 89, listings: 89, rejected: 0 },
  // A card seller's own upload: `Action` without a site (read as generic CSV until detection knew it), $ prices, specifics without C:.
  { file: 'ebay_seller-hub_upload_bare-action-header_trading-cards__YinzBreaks.csv', dialect: 'ebay_seller_hub', rows: 19, listings: 19, rejected: 0 },
  // A laptop refurbisher's File Exchange category template upload: `*` required marks, 13 to 15 photos per item (eBay takes 24).
  { file: 'ebay_file-exchange_upload_15-photos_laptops__fsoriano-sauce.csv', dialect: 'ebay_seller_hub', rows: 6, listings: 6, rejected: 0 },
  { file: 'ebay_seller-hub_draft-listings-upload__MattBitt-sellerr.csv', dialect: 'ebay_seller_hub', rows: 8, listings: 8, rejected: 0 },
  { file: 'ebay_seller-hub_draft-template_shoes_header-only__depopAutomation.csv', dialect: 'ebay_seller_hub', rows: 0, listings: 0, rejected: 0 },
  { file: 'etsy_EtsyListingsDownload_AUD_en-AU__mphoneclinic-commits.csv', dialect: 'etsy', rows: 26, listings: 26, rejected: 0 },
  { file: 'etsy_EtsyListingsDownload_ITALIAN__sabaceramics.csv', dialect: 'etsy', rows: 27, listings: 27, rejected: 0 },
  { file: 'etsy_EtsyListingsDownload__MakerMetrics.csv', dialect: 'etsy', rows: 93, listings: 93, rejected: 0 },
  { file: 'etsy_EtsyListingsDownload__Marvilusart.csv', dialect: 'etsy', rows: 92, listings: 92, rejected: 0 },
  // Variation values escaped as Etsy escapes titles (`4&quot; Pot`).
  { file: 'etsy_EtsyListingsDownload_escaped-variation-values__theeric1.csv', dialect: 'etsy', rows: 14, listings: 14, rejected: 0 },
  // 40 phone-case listings whose two variation properties make 2,880 variants; its Google export is a TSV full of commas.
  { file: 'etsy_EtsyListingsDownload_2880-variations_phone-cases__fc-0808.csv', dialect: 'etsy', rows: 40, listings: 40, rejected: 0 },
  // An older download: tags with spaces, and 14 of them (the category's words first).
  { file: 'etsy_EtsyListingsDownload_old_14-tags_spaces-in-tags__eghan.csv', dialect: 'etsy', rows: 35, listings: 35, rejected: 0 },
  // A French shop's download: TITRE, PRIX, CODE_DEVISE (EUR), "IMAGE 1", TYPE/NOM/VALEURS VARIATION; one listing of 60 × 4 = 240 combinations; 3 titles twice.
  { file: 'etsy_EtsyListingsDownload_FRENCH_EUR_240-combinations__nad0606.csv', dialect: 'etsy', rows: 104, listings: 104, rejected: 0 },
  // An Indian shop's download (INR), no id or SKU: 8 titles listed 2 or 3 times, each its own listing.
  { file: 'etsy_EtsyListingsDownload_INR_repeated-titles__sahilkhan8786.csv', dialect: 'etsy', rows: 23, listings: 23, rejected: 0 },
  { file: 'etsy_api-v2_listings-dump_2180rows__pmrgraphics.csv', dialect: 'etsy_api', rows: 2179, listings: 2179, rejected: 0 },
  { file: 'etsy_new-listings-input__pmrgraphics.csv', dialect: 'etsy', rows: 8, listings: 8, rejected: 0 },
  // A dealer's Meta vehicle catalog (first 24 of 280 vehicles): custom_label_0 is shared by all 24, vehicle_id is the key.
  { file: 'meta_vehicle-catalog_CAD_custom-label-0-shared-by-many_trimmed__adsemersonoliveira-midia.csv', dialect: 'generic_csv', rows: 24, listings: 24, rejected: 0 },
  // A shop's own export: only the headers `Price (₹)` say the prices are rupees.
  { file: 'generic_store-export_INR-symbol-in-price-header__artvellehandmade.csv', dialect: 'generic_csv', rows: 19, listings: 19, rejected: 0 },
  // Raw "&" in every image link: a strict reader lost every item from the first one on.
  // A CDATA section closed with "]]" (no ">"): a strict reader read 2 of its 28 items, silently.
  // Every field in CDATA; 155 items grouped into 103 products; descriptions of `&nbsp;` lines only.
  { file: 'google-merchant_feed_rss_cdata-everywhere_nbsp-only-descriptions__BujorelActimel.xml', dialect: 'google_merchant', rows: 155, listings: 103, rejected: 0 },
  { file: 'google-merchant_feed_rss_UKRAINIAN_cdata-closed-with-brackets-only__KirillKirpikin.xml', dialect: 'google_merchant', rows: 28, listings: 28, rejected: 0 },
  { file: 'google-merchant_feed_rss_raw-ampersand-in-image-link__airfeel-filters.xml', dialect: 'google_merchant', rows: 5, listings: 5, rejected: 0 },
  { file: 'google-merchant_feed_atom-xml_bigcommerce-home-textiles__codeengine1.xml', dialect: 'google_merchant', rows: 957, listings: 957, rejected: 0 },
  { file: 'google-merchant_feed_csv_japanese-used-clothing__furugima.csv', dialect: 'google_merchant', rows: 505, listings: 505, rejected: 0 },
  // item_group_id: one listing per group, its items the variants.
  { file: 'google-merchant_feed_rss_item-group-id_apparel__TumbleweedNO.xml', dialect: 'google_merchant', rows: 317, listings: 73, rejected: 0 },
  { file: 'google-merchant_feed_rss_variant-option_wigs__msun09897-png.xml', dialect: 'google_merchant', rows: 22, listings: 8, rejected: 0 },
  // Written by a script on one line: its items are numbered (rowUnit 'item'), not placed by line.
  { file: 'google-merchant_feed_rss_one-line_python-written_BGN__lolopetrov.xml', dialect: 'google_merchant', rows: 2, listings: 2, rejected: 0 },
  // Wix Stores: Product rows with their Variant rows (price = base + surcharge).
  { file: 'wix_catalog-products_surcharge-variants_prints__CroixandCo.csv', dialect: 'wix', rows: 100, listings: 43, rejected: 0 },
  { file: 'wix_catalog-products_637-variants_media-names__thefababode.csv', dialect: 'wix', rows: 658, listings: 21, rejected: 0 },
  { file: 'shopify_partners_sample_apparel.csv', dialect: 'shopify', rows: 22, listings: 20, rejected: 0 },
  { file: 'shopify_partners_sample_home-and-garden.csv', dialect: 'shopify', rows: 21, listings: 20, rejected: 0 },
  { file: 'shopify_partners_sample_jewelery.csv', dialect: 'shopify', rows: 41, listings: 20, rejected: 0 },
  { file: 'shopify_product_template_2019__umsu2.csv', dialect: 'shopify', rows: 3, listings: 1, rejected: 0 },
  { file: 'shopify_product_template_2023__kcohen1997.csv', dialect: 'shopify', rows: 17, listings: 3, rejected: 0 },
  { file: 'shopify_product_template_2023_clean__yavuztopsever.csv', dialect: 'shopify', rows: 17, listings: 3, rejected: 0 },
  { file: 'shopify_products_2025_newheaders__stoa.csv', dialect: 'shopify', rows: 28, listings: 7, rejected: 0 },
  // Windows-1252; SKUs with commas in them.
  { file: 'shopify_products_cp1252_commas-in-SKUs__Wow-Beauty-Supply.csv', dialect: 'shopify', rows: 1112, listings: 1069, rejected: 0 },
  // Alt text on rows without an image; 175 variant rows of 131 products come after other products' rows (not adjacent to their product).
  { file: 'shopify_products_GERMAN_alt-text-without-image__smitunagar.csv', dialect: 'shopify', rows: 2401, listings: 2157, rejected: 0 },
  { file: 'shopify_products_export_2021__packt.csv', dialect: 'shopify', rows: 21, listings: 20, rejected: 0 },
  // 2021–22 headers: Standardized Product Type blank, Custom Product Type (today's Type) filled.
  { file: 'shopify_products_export_2022_PORTUGUESE_custom-product-type__designerdhs.csv', dialect: 'shopify', rows: 30, listings: 9, rejected: 0 },
  { file: 'shopify_products_export_2024_POLISH_market-price-columns__mikolajroszak.csv', dialect: 'shopify', rows: 60, listings: 35, rejected: 0 },
  // All-digit SKUs written with Shopify's spreadsheet apostrophe ('8720892119308); market names in Dutch.
  { file: 'shopify_products_export_2023_DUTCH-markets_apostrophe-guarded-digit-SKUs__Ronne2406.csv', dialect: 'shopify', rows: 25, listings: 3, rejected: 0 },
  { file: 'shopify_products_export_2025_SWEDISH_archived__Velofant.csv', dialect: 'shopify', rows: 48, listings: 14, rejected: 0 },
  { file: 'shopify_products_export_saved-as-xlsx_SPANISH__bmxpc7.xlsx', dialect: 'shopify', rows: 246, listings: 27, rejected: 0 },
  // Amazon's Vendor Central template as downloaded, unfilled: settings in J1 after TemplateType=Dynamic, keys on row 4,
  // a row saying which columns are required, the example (vendor_sku ABC123): no listing in it (were 3 rejected rows).
  { file: 'amazon_vendor-central_template_DE_settings-in-J1_requirement-row__elstraussoscode.xlsm', dialect: 'amazon_flat_file', rows: 0, listings: 0, rejected: 0 },
  { file: 'shopify_products_export_2025_realstore_hair__faridrony55.csv', dialect: 'shopify', rows: 565, listings: 84, rejected: 0 },
  { file: 'shopify_products_export_2026_BRL_no-inventory-qty-column__biliscosaf.csv', dialect: 'shopify', rows: 1381, listings: 213, rejected: 0 },
  { file: 'shopify_products_export_2026_TURKISH_unlisted-status__cantorunkerem8.csv', dialect: 'shopify', rows: 94, listings: 16, rejected: 0 },
  // Oversold stock (-1) is a warning, never a lost product.
  { file: 'shopify_products_export_2026_VND_negative-qty_draft-archived__dinhdungweb.csv', dialect: 'shopify', rows: 2307, listings: 1243, rejected: 0 },
  // French headers; 18 variations whose parent is not in the file become listings of their own; 1 row has no name.
  { file: 'woocommerce_product-export_FRENCH_hand-edited__MisterMarveil.csv', dialect: 'woocommerce', rows: 516, listings: 87, rejected: 1 },
  // A hand-made import file: variation rows leave the attribute name blank (the parent names it), no stock columns.
  { file: 'woocommerce_import-file_blank-variation-attribute-names_no-stock__jalentized-blip.csv', dialect: 'woocommerce', rows: 17, listings: 7, rejected: 0 },
  // Russian headers; an empty first line and a tab before the header's byte-order mark.
  { file: 'woocommerce_product-export_RUSSIAN_blank-line-before-header__artur8800.csv', dialect: 'woocommerce', rows: 9, listings: 9, rejected: 0 },
  { file: 'woocommerce_sample_products.csv', dialect: 'woocommerce', rows: 25, listings: 18, rejected: 0 },
  // Product 14796's own attribute holds slot 1 of its row; its variations vary by slot 1 of theirs.
  { file: 'woocommerce_wc-product-export_product-attribute-in-slot-1_licence-keys__marroxo.csv', dialect: 'woocommerce', rows: 243, listings: 70, rejected: 0 },
  // `backorder` in In stock? on two products.
  { file: 'woocommerce_wc-product-export_backorder-in-stock_synthesizers__siul72.csv', dialect: 'woocommerce', rows: 372, listings: 372, rejected: 0 },
  // Tags that end in a comma, written `amaryl\,` as WooCommerce escapes a comma inside a list value.
  { file: 'woocommerce_wc-product-export_escaped-commas-in-tags_pharmacy__MichaelOlanrewaju.csv', dialect: 'woocommerce', rows: 16, listings: 16, rejected: 0 },
  // Out of stock without stock counts (In stock? 0, Stock blank); a store-added Handle column, Attribute 1 default.
  { file: 'woocommerce_wc-product-export_out-of-stock-without-stock-counts_PKR__MuhammadTariqGigani.csv', dialect: 'woocommerce', rows: 21, listings: 6, rejected: 0 },
  // A script-written import file: lower-case labels and `regular_price`, rows longer than the header (attributes 5–6).
  { file: 'woocommerce_import-file_field-key-headers_awards__Dylanmurzello.csv', dialect: 'woocommerce', rows: 7, listings: 2, rejected: 0 },
  { file: 'woocommerce_wc-product-export_2024__gopoma.csv', dialect: 'woocommerce', rows: 124, listings: 96, rejected: 0 },
  // A Wix store's script-written Google TSV: item_group_id groups 153 items into 22 products (7 stand alone), google_product_category without product_type.
  { file: 'google-merchant_feed_tsv_google-product-category-only_item-groups_wix__pharleg.tsv', dialect: 'google_merchant', rows: 160, listings: 29, rejected: 0 },
  // A Turkish solar shop's RSS feed: each item states its own currency (403 USD, 378 EUR, 4 TRY), google_product_category without product_type.
  { file: 'google-merchant_feed_rss_mixed-currencies_USD-EUR-TRY_TURKISH__barisugus.xml', dialect: 'google_merchant', rows: 785, listings: 785, rejected: 0 },
  // An artist's RSS feed (ILS): 208 items, 25 item groups by size + 33 single items; item titles with &amp; are a variant's own text.
  { file: 'google-merchant_feed_rss_ILS_item-groups_escaped-ampersand-in-variant-titles__jshermanj1-cpu.xml', dialect: 'google_merchant', rows: 208, listings: 58, rejected: 0 },
  // A plain <link> beside <g:link>, repeated product_highlight and nested product_detail elements.
  { file: 'google-merchant_feed_rss_plain-link-beside-g-link_product-detail__team340.xml', dialect: 'google_merchant', rows: 2, listings: 2, rejected: 0 },
  // A winery's Meta catalog CSV: JSON-path columns (`style[0]`, `video[0].url`) and descriptions that start with a blank line.
  { file: 'google-merchant_feed_csv_meta-catalog_json-path-columns_blank-line-descriptions__somtoZikora.csv', dialect: 'google_merchant', rows: 80, listings: 80, rejected: 0 },
];

const path = (file: string): string => corpusPath(file);

/** Every data row is in exactly one record, and nothing we decoded became a replacement character. */
function expectEveryRowAccounted(file: string, result: Collected, rows: number): void {
  const lines = result.records.flatMap((r) => r.lines);
  expect(lines).toHaveLength(rows);
  expect(new Set(lines).size).toBe(rows);
  // A file that already holds some (eBay's own export damage) keeps them.
  if (!readFileSync(path(file)).includes(Buffer.from('\uFFFD', 'utf8'))) expect(JSON.stringify(result.records)).not.toContain('\uFFFD');
  for (const l of result.listings) {
    expect(l.title.trim()).not.toBe('');
    if (l.priceMinor !== null) expect(Number.isSafeInteger(l.priceMinor)).toBe(true);
  }
}

const known = FILES.filter((f) => hasCorpusFile(f.file));
const unseen = corpusFiles().filter((file) => !FILES.some((f) => f.file === file));

describe('real export files (corpus)', () => {
  it.each(known)('$file → $dialect, $rows rows, $listings listings, $rejected rejected', async ({ file, dialect, rows, listings, rejected }) => {
    const result = await collect(path(file));
    expect(result.source.dialect).toBe(dialect);
    expect(result.source.dataRows()).toBe(rows);
    expect(result.listings).toHaveLength(listings);
    expect(result.rejected).toHaveLength(rejected);
    expectEveryRowAccounted(file, result, rows);
  });

  it.each(unseen)('%s (not seen here before): read, or refused with a reason; every data row accounted for', async (file) => {
    let result: Collected;
    try {
      result = await collect(path(file));
    } catch (error) {
      // A file no importer reads is refused with a message that says what to do, never a crash.
      expect(error).toBeInstanceOf(ContractError);
      expect((error as Error).message.length).toBeGreaterThan(20);
      return;
    }
    expectEveryRowAccounted(file, result, result.source.dataRows());
  });

  it('the files this project found are all checked here and their origins written down', () => {
    const readme = readFileSync(`${projectCorpus}/README.md`, 'utf8');
    for (const file of projectCorpusFiles()) {
      expect(FILES.map((f) => f.file)).toContain(file);
      expect(readme).toContain(file);
    }
  });

  it('Etsy download: prices, `_` tags, images, variations (Marvilusart)', async () => {
    const { listings } = await collect(path('etsy_EtsyListingsDownload__Marvilusart.csv'));
    const first = listings[0]!;
    expect(first.title).toBe('I Eat Cat-Unisex Sweatshirt');
    expect(first.priceMinor).toBe(3999);
    expect(first.currency).toBe('USD');
    expect(first.quantity).toBe(80919);
    expect(first.tags).toContain('new year');
    expect(first.tags).not.toContain('new_year');
    expect(first.images.length).toBeGreaterThan(0);
    expect(first.images.every((u) => u.startsWith('https://'))).toBe(true);
    expect(first.variants).toHaveLength(12 * 8);
    expect(first.variants[0]!.options).toEqual([
      { name: 'Primary color', value: 'Black' },
      { name: 'Size', value: 'S' },
    ]);
    expect(first.description).toContain('\n');
    expect(listings[1]!.priceMinor).toBe(2650);
  });

  it('Etsy Italian headers (TITOLO/PREZZO/QUANTITÀ/TAG/MATERIALI)', async () => {
    const { listings } = await collect(path('etsy_EtsyListingsDownload_ITALIAN__sabaceramics.csv'));
    const first = listings[0]!;
    expect(first.title).toBe('Saggar pottery vase with smoky grey textures and copper marks');
    expect(first.priceMinor).toBe(4600);
    expect(first.currency).toBe('EUR');
    expect(first.quantity).toBe(1);
    expect(first.tags[0]).toBe('Smoky grey vase');
    expect(first.materials).toEqual(['Ceramica']);
    expect(first.sku).toBe('32');
    expect(listings[1]!.priceMinor).toBe(5700);
  });

  it('Etsy non-ASCII (Pokémon) survives', async () => {
    const { listings } = await collect(path('etsy_EtsyListingsDownload__MakerMetrics.csv'));
    expect(listings[0]!.title).toBe('Mega Charizard X ex 125/094 Phantasmal Flames | Custom Pokémon Artwork Display Slab');
    expect(listings[0]!.priceMinor).toBe(2874);
    expect(listings[0]!.tags).toContain('Pokémon Art Slab');
    expect(listings[0]!.variants.map((v) => v.options[0]!.value)).toEqual(['Art + Screwdown Case', 'Art Print Only']);
  });

  it('Etsy API dump: Python lists, entity-decoded titles, dates, taxonomy', async () => {
    const { listings } = await collect(path('etsy_api-v2_listings-dump_2180rows__pmrgraphics.csv'));
    const first = listings[0]!;
    expect(first.sourceId).toBe('933536041');
    expect(first.priceMinor).toBe(3498);
    expect(first.quantity).toBe(10);
    expect(first.sku).toBeNull();
    expect(first.tags[0]).toBe('50th cufflinks');
    expect(first.materials).toEqual(['1971 Half pence Cufflink', 'gift box']);
    expect(first.category).toBe('Accessories > Suit & Tie Accessories > Cuff Links & Tie Clips > Cuff Links');
    expect(first.createdAt).toBe(1609318185 * 1000);
    expect(first.attributes['who_made']).toBe('i_did');
    expect(listings.some((l) => /&#\d+;|&quot;|&amp;/.test(l.title))).toBe(false);
    expect(listings.some((l) => l.title.includes("'"))).toBe(true);
    // Once decoded, titles fit Etsy's 140 characters.
    expect(listings.filter((l) => [...l.title].length > 140)).toHaveLength(0);
  });

  it('Etsy new-listings input: BOM, CRLF, empty duplicate headers kept as "Column N"', async () => {
    const preview = await previewImport(path('etsy_new-listings-input__pmrgraphics.csv'), { fileId: 'f', fileName: 'x.csv', sizeBytes: 7181 });
    expect(preview.encoding).toBe('utf-8-bom');
    expect(preview.columns.map((c) => c.header).slice(0, 4)).toEqual(['quantity', 'title', 'Column 3', 'description']);
    expect(preview.columns[8]!.header).toBe('Column 9');
    const { listings } = await collect(path('etsy_new-listings-input__pmrgraphics.csv'));
    expect(listings[0]!.priceMinor).toBe(3999);
    expect(listings[0]!.quantity).toBe(10);
    expect(listings[0]!.tags).toContain('1991 birthday');
  });

  it('eBay Seller Hub: #INFO preamble, Action header, currency, invalid Condition ID warned', async () => {
    const { listings } = await collect(path('ebay_seller-hub_draft-listings-upload__MattBitt-sellerr.csv'));
    const first = listings[0]!;
    expect(first.lines).toEqual([6]);
    expect(first.sku).toBe('071');
    expect(first.priceMinor).toBe(500);
    expect(first.quantity).toBe(10);
    expect(first.status).toBe('draft');
    expect(first.currency).toBe('USD');
    expect(first.attributes['Category ID']).toBeUndefined();
    expect(first.category).toBe('47140');
    const second = listings[1]!;
    expect(second.priceMinor).toBe(250);
    expect(second.condition).toBe('Like New');
    expect(second.warnings.some((w) => w.column === 'Condition ID' && w.message.includes('Like New'))).toBe(true);
  });

  it('eBay template headers are trimmed (" C:US Shoe Size")', async () => {
    const preview = await previewImport(path('ebay_seller-hub_draft-template_shoes_header-only__depopAutomation.csv'), { fileId: 'f', fileName: 'x.csv', sizeBytes: 826 });
    expect(preview.dialect).toBe('ebay_seller_hub');
    expect(preview.headerLine).toBe(5);
    expect(preview.columns.map((c) => c.header)).toContain('C:US Shoe Size');
  });

  it('eBay reports: item number as sourceId, titles kept exactly, HTML descriptions as given', async () => {
    const current = await collect(path('ebay_current-listings_title-itemnumber-qty__pmrgraphics.csv'));
    expect(current.listings[0]!.title).toBe('1/2p Bracelet Charm  - 1971,1973,1974,1975,1976,1977,1978,1979,1981,1982,1983');
    expect(current.listings[0]!.sourceId).toBe('233188703920');
    expect(current.listings[0]!.quantity).toBe(10);
    const html = await collect(path('ebay_itemid-title-html-description__pmrgraphics.csv'));
    expect(html.listings[0]!.sourceId).toBe('332848507684');
    expect(html.listings[0]!.description.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html.listings[1]!.lines[0]).toBeGreaterThan(10);
  });

  it('Amazon flat file: 3-row header (cp1252, GBP) and API-only header read the same listings', async () => {
    const threeRow = await collect(path('amazon_uk_flatfile_jewelry_fptcustom_3row-header_cp1252__pmrgraphics.csv'));
    const apiOnly = await collect(path('amazon_uk_flatfile_jewelry_apiheader-only_utf8bom__pmrgraphics.csv'));
    expect(threeRow.source.encoding).toBe('windows-1252');
    expect(threeRow.source.encodingNote).toMatch(/Windows-1252/);
    const a = threeRow.listings[0]!;
    expect(a.lines).toEqual([4]);
    expect(a.sku).toBe('00-GPY5-HY0M');
    // The seller SKU is Amazon's key (an ASIN can carry several offers: FBA twins, conditions).
    expect(a.sourceId).toBe('00-GPY5-HY0M');
    expect(a.attributes['ASIN']).toBe('B00M3H0MP6');
    expect(a.title).toBe('Luxury 1965 Original Lucky Sixpence 6d birthday / Anniversary Cufflinks ideal for a 57th birthday');
    expect(a.priceMinor).toBe(2798);
    expect(a.currency).toBe('GBP');
    expect(a.quantity).toBe(44);
    expect(a.brand).toBe('floral');
    expect(a.attributes['Bullet point 1']).toBe('This would make an ideal 56th Birthday Present');
    expect(apiOnly.listings[0]!.sku).toBe('00-GPY5-HY0M');
    expect(apiOnly.listings[0]!.priceMinor).toBe(2798);
    expect(threeRow.listings.map((l) => l.sku)).toEqual(apiOnly.listings.map((l) => l.sku));
    // (Titles differ between the two files: they are two months of the same shop, "56th" vs "57th".)
    // The 4 rejected rows are partial updates without item_name: the message says what to add.
    expect(threeRow.rejected.map((r) => r.column)).toEqual(['item_name', 'item_name', 'item_name', 'item_name']);
    expect(threeRow.rejected[0]!.message).toMatch(/no item_name/);
    // Excel-damaged product ids are flagged and never used as identifiers.
    expect(apiOnly.listings.some((l) => l.warnings.some((w) => w.message.includes('1.61E+11')))).toBe(true);
  });

  it('Google Merchant CSV: "12000 JPY" prices, additional images, CJK text', async () => {
    const { listings } = await collect(path('google-merchant_feed_csv_japanese-used-clothing__furugima.csv'));
    const first = listings[0]!;
    expect(first.sourceId).toBe('187289511');
    expect(first.priceMinor).toBe(12000);
    expect(first.currency).toBe('JPY');
    expect(first.images).toHaveLength(6); // image_link + 5 additional_image_link
    expect(first.condition).toBe('used');
    expect(first.status).toBe('active');
    expect(first.title).toMatch(/^abx /);
    expect(listings[1]!.priceMinor).toBe(4800);
  });

  it('Google Merchant Atom XML: g: fields, double-escaped entities decoded one level', async () => {
    const { listings } = await collect(path('google-merchant_feed_atom-xml_bigcommerce-home-textiles__codeengine1.xml'));
    const first = listings[0]!;
    expect(first.brand).toBe('Thomasville');
    expect(first.title).toBe('Thomasville Suzette Euro Sham Cape');
    expect(first.priceMinor).toBe(4099);
    expect(first.currency).toBe('USD');
    expect(first.description.startsWith('26" x 26" + 2.5" flanged edge')).toBe(true);
    expect(first.category).toBe('shams');
    expect(first.attributes['GTIN']).toBe('013864106276');
    // `&amp;quot;` (double-escaped) → `"`; the feed's few triple-escaped `&amp;amp;quot;` keep one level.
    expect(listings.some((l) => l.description.includes('&amp;quot;'))).toBe(false);
    expect(listings.filter((l) => l.description.includes('"')).length).toBeGreaterThan(100);
  });

  it('Shopify legacy headers: handle groups, variants, image-only rows, Excel-damaged barcodes', async () => {
    const { listings } = await collect(path('shopify_product_template_2023__kcohen1997.csv'));
    const shirt = listings[0]!;
    expect(shirt.sourceId).toBe('example-shirt');
    expect(shirt.title).toBe('Example T-Shirt');
    expect(shirt.priceMinor).toBe(2500);
    expect(shirt.tags).toEqual(['Made to Order', 'Shirt Tag']);
    expect(shirt.variants[0]).toMatchObject({ sku: 'SRT_COT_111', options: [{ name: 'Color', value: 'Green' }, { name: 'Size', value: 'S' }], priceMinor: 2500, quantity: 0 });
    expect(shirt.warnings.some((w) => w.line === 2 && w.column === 'Variant Barcode' && w.message.includes('3.65275E+11'))).toBe(true);
    // A damaged barcode is never used as one; it stays with its variant exactly as the file had it.
    expect(shirt.variants[0]!.columns?.['Variant Barcode']).toBe('3.65275E+11');
    expect(JSON.stringify(listings.map(({ source: _s, variants, ...rest }) => ({ ...rest, variants: variants.map(({ columns: _c, ...v }) => v) })))).not.toContain('E+11"');
  });

  it('Shopify 2024/25 headers (URL handle, Price, Product image URL)', async () => {
    const { listings } = await collect(path('shopify_products_2025_newheaders__stoa.csv'));
    const pant = listings[0]!;
    expect(pant.sourceId).toBe('stoa-formal-ski-pant');
    expect(pant.title).toBe('stOa Formal Ski Pant');
    expect(pant.variants.map((v) => v.options[0]?.value)).toEqual(['S', 'M', 'L', 'XL']);
    expect(pant.variants[1]!.priceMinor).toBe(68900);
    expect(pant.priceMinor).toBe(68900);
    // The file's rows are longer than its header (a real export bug): the extra cells are reported.
    expect(pant.warnings.length).toBeGreaterThan(0);
  });

  it('Shopify real store: 565 rows → 84 products, images kept in position order', async () => {
    const { listings } = await collect(path('shopify_products_export_2025_realstore_hair__faridrony55.csv'));
    const route = listings[0]!;
    expect(route.title).toBe('Shipping Protection by Route');
    expect(route.variants.length).toBeGreaterThan(1);
    expect(route.variants[0]!.priceMinor).toBe(98);
    expect(route.status).toBe('active');
    expect(listings.reduce((n, l) => n + l.images.length, 0)).toBeGreaterThan(84);
  });

  it('WooCommerce: variable parents + variations (by SKU) → variants; simple/grouped/external kept', async () => {
    const { listings } = await collect(path('woocommerce_sample_products.csv'));
    const vneck = listings.find((l) => l.sku === 'woo-vneck-tee')!;
    expect(vneck.variants.map((v) => [v.sku, v.options[0]!.value, v.priceMinor])).toEqual([
      ['woo-vneck-tee-red', 'Red', 2000],
      ['woo-vneck-tee-green', 'Green', 2000],
      ['woo-vneck-tee-blue', 'Blue', 1500],
    ]);
    const hoodie = listings.find((l) => l.sku === 'woo-hoodie')!;
    expect(hoodie.variants).toHaveLength(4);
    expect(hoodie.variants[3]!.options).toEqual([{ name: 'Color', value: 'Blue' }, { name: 'Logo', value: 'Yes' }]);
    const beanie = listings.find((l) => l.sku === 'woo-beanie')!;
    expect(beanie.priceMinor).toBe(2000);
    // Not an item attribute: kept under its own column and written back to WooCommerce.
    expect(beanie.source?.columns['Sale price']).toBe('18');
    expect(beanie.category).toBe('Clothing > Accessories');
    expect(beanie.images.length).toBeGreaterThan(0);
    expect(listings.find((l) => l.sku === 'wp-pennant')!.priceMinor).toBe(1105);
    expect(listings.find((l) => l.sku === 'logo-collection')).toBeDefined();
  });

  it('Myntra dataset via the guessed generic mapping', async () => {
    const { listings } = await collect(path('dataset_myntra_products_catalog__KrishnakantDas.csv'));
    const first = listings[0]!;
    expect(first.sourceId).toBe('10017413');
    expect(first.title).toBe('DKNY Unisex Black & Grey Printed Medium Trolley Bag');
    expect(first.brand).toBe('DKNY');
    expect(first.priceMinor).toBe(1174500);
    expect(first.attributes['Gender']).toBe('Unisex');
    expect(first.attributes['Num_Images']).toBe('7');
    expect(first.images).toEqual([]);
  });

  it('Depop template: instruction row skipped, hero picture / price mapped', async () => {
    const preview = await previewImport(path('depop_bulk-listing-template-v5__depopAutomation.csv'), { fileId: 'f', fileName: 'depop.csv', sizeBytes: 1965 });
    expect(preview.dialect).toBe('generic_csv');
    expect(preview.headerLine).toBe(2);
    expect(preview.warnings.some((w) => w.line === 3 && w.message.includes('instruction'))).toBe(true);
    expect(preview.columns.find((c) => c.header === 'Price')!.mappedTo).toBe('price');
    expect(preview.columns.find((c) => c.header === 'Picture Hero url')!.mappedTo).toBe('images');
    const { listings } = await collect(path('depop_bulk-listing-template-v5__depopAutomation.csv'));
    expect(listings[0]!.priceMinor).toBe(1100);
    expect(listings[0]!.brand).toBe('G.H. Bass (gh-bass)');
  });

  it('preview reads only the head and reports detection candidates', async () => {
    const preview = await previewImport(path('dataset_myntra_products_catalog__KrishnakantDas.csv'), { fileId: 'f', fileName: 'myntra.csv', sizeBytes: 3181863 });
    expect(preview.listings).toHaveLength(20);
    expect(preview.delimiter).toBe(',');
    expect(preview.columns[1]).toMatchObject({ header: 'Product_Name', mappedTo: 'title' });
    expect(preview.columns[1]!.samples).toHaveLength(3);
    const shopify = await previewImport(path('shopify_products_export_2021__packt.csv'), { fileId: 'f', fileName: 's.csv', sizeBytes: 8594 });
    expect(shopify.dialect).toBe('shopify');
    expect(shopify.confidence).toBeGreaterThan(0.8);
    expect(shopify.candidates[0]!.dialect).toBe('shopify');
  });
});
