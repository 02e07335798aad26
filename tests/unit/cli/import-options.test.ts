import { describe, expect, it } from 'vitest';
import { ImportUsageError, parseColumnMap, parseImportOptions, resolveColumnMap } from '../../../core/cli/import-options.js';
import { mappableFieldsOf } from '../../../core/import/column-overrides.js';

/** `listsmith import` options: --map pairs, --match and --currency, each refused with one line that says what to write. */

const columns = ['Action(SiteID=US|Currency=USD)', 'Product name', 'Price, EUR', 'Cost', '7'].map((header, index) => ({ index, header }));

describe('--map parsing', () => {
  it('reads Column=field pairs; a quoted header may hold commas, a header may hold "="', () => {
    expect(parseColumnMap('Product name=title, "Price, EUR"=price,Action(SiteID=US|Currency=USD)=ignore')).toEqual([
      { column: 'Product name', field: 'title' },
      { column: 'Price, EUR', field: 'price' },
      { column: 'Action(SiteID=US|Currency=USD)', field: 'ignore' },
    ]);
    expect(parseColumnMap('4=attribute:Cost price')).toEqual([{ column: '4', field: 'attribute:Cost price' }]);
  });

  it('refuses a pair without both sides, and an empty --map', () => {
    expect(() => parseColumnMap('title')).toThrow(ImportUsageError);
    expect(() => parseColumnMap('title')).toThrow(/--map "title": write Column=field/);
    expect(() => parseColumnMap('=title')).toThrow(/write Column=field/);
    expect(() => parseColumnMap('Cost=')).toThrow(/write Column=field/);
    expect(() => parseColumnMap(' , ')).toThrow(/--map is empty/);
  });
});

describe('--map against the file', () => {
  const generic = mappableFieldsOf('generic_csv');

  it('finds headers exactly, then ignoring case and spaces, and column numbers from 1; a header that is a number wins', () => {
    const entries = parseColumnMap('product  NAME=title,"Price, EUR"=price,4=attribute:Cost,7=sku');
    expect(resolveColumnMap(entries, columns, generic, 'Other CSV')).toEqual({ '1': 'title', '2': 'price', '3': 'attribute:Cost', '4': 'sku' });
  });

  it('names the file’s columns when one is not found, the valid fields when a field is not one', () => {
    expect(() => resolveColumnMap(parseColumnMap('Name=title'), columns, generic, 'Other CSV')).toThrow(/the file has no column "Name"\. Its columns: "Action\(SiteID=US\|Currency=USD\)", "Product name"/);
    expect(() => resolveColumnMap(parseColumnMap('9=title'), columns, generic, 'Other CSV')).toThrow(/there is no column 9; the file has 5 \(1 to 5\)/);
    const amazon = mappableFieldsOf('amazon_flat_file');
    expect(() => resolveColumnMap(parseColumnMap('Cost=optionName1'), columns, amazon, 'Amazon inventory flat file')).toThrow(
      /"optionName1" is not a field Amazon inventory flat file columns can be read as\. Valid fields: sku, title, .*ignore, attribute:NAME\./,
    );
    expect(() => resolveColumnMap(parseColumnMap('Cost=title,4=price'), columns, generic, 'Other CSV')).toThrow(/names column "Cost" twice/);
    expect(() => resolveColumnMap(parseColumnMap('Cost=title'), [], [], 'JSON')).toThrow(/JSON has no columns to map/);
  });
});

describe('--match and --currency', () => {
  it('takes key or title, and a currency code in any case', () => {
    expect(parseImportOptions({})).toEqual({ map: [], matchBy: 'key' });
    expect(parseImportOptions({ match: 'title', currency: 'eur', dialect: 'shopify' })).toEqual({ map: [], matchBy: 'title', currency: 'EUR', dialect: 'shopify' });
  });

  it('refuses anything else with what to write', () => {
    expect(() => parseImportOptions({ match: 'name' })).toThrow(/--match must be key .* or title/);
    expect(() => parseImportOptions({ currency: 'EURO' })).toThrow(/--currency: Expected a three-letter currency code/);
    expect(() => parseImportOptions({ currency: 'XYZ' })).toThrow(/--currency: "XYZ" is not an ISO 4217 currency code/);
    expect(() => parseImportOptions({ dialect: 'csv' })).toThrow(/Unknown --dialect "csv"/);
  });
});
