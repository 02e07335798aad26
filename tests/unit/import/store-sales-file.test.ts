import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storeSalesFileMessage } from '../../../core/import/store-sales-file.js';
import { corpusFiles, corpusPath, importText } from './helpers.js';

/**
 * Orders and customers downloads of Shopify, Etsy and other shops are refused whole: read as a
 * table they became one "listing" per sale, with the buyer's address beside it. The Shopify
 * orders header and row are a real export's (GitHub zhangerson/shopify_parsing orders_export.csv,
 * buyer details replaced); the others are the headers Shopify and Etsy write.
 */

const SHOPIFY_ORDERS =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street\n' +
  '#71733,,pending,,unfulfilled,,no,BDT,1400.00,100.00,0.00,1500.00,,0.00,2-4 Day Delivery,2026-04-05 21:06:21 +0400,1,Apple Cider Vinegar Effervescent - Color-free,1400.00,,,true,true,pending,A Buyer,1 Some Street\n' +
  '#71734,,pending,,unfulfilled,,no,BDT,1400.00,100.00,0.00,1500.00,,0.00,2-4 Day Delivery,2026-04-05 21:37:56 +0400,1,Apple Cider Vinegar Effervescent - Color-free,1400.00,,,true,true,pending,B Buyer,2 Other Street\n';
const SHOPIFY_CUSTOMERS =
  'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address City,Total Spent,Total Orders,Tags\n' +
  "'123,Anna,Jansen,anna@example.com,yes,,Main St 1,Utrecht,120.00,3,\n";
const ETSY_ORDER_ITEMS =
  'Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Order Shipping,Order Sales Tax,Item Total,Currency,Transaction ID,Listing ID,Date Paid,Date Shipped,Ship Name,Order ID,Variations,SKU\n' +
  '09/14/26,Ceramic Mug,buyer1,1,24.00,,,0,0,5.00,0,24.00,USD,4001,1500,09/14/26,09/16/26,A Buyer,9001,Colour: Blue,MUG-1\n';
const ETSY_ORDERS =
  'Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value\n' +
  '09/14/26,9001,buyer1,A Buyer,A,Buyer,1,online_cc,09/16/26,1 Road,,Town,CA,90001,United States,USD,24.00\n';
// The 2024 header (a real Estonian store's, as another seller tool's tests keep it) and the older one.
const SHOPIFY_INVENTORY =
  'Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Bin name,Incoming (not editable),Unavailable (not editable),Committed (not editable),Available (not editable),On hand (current),On hand (new)\n' +
  'three-kings,Three Kings,Size,S-M,,,,,TK-SM,,,Tartu mnt 50-4,,0,0,1,4,5,\n' +
  'three-kings,Three Kings,Size,S-M,,,,,TK-SM,,,Warehouse B,,0,0,0,7,7,\n';
const SHOPIFY_INVENTORY_OLD =
  'Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Incoming,Unavailable,Committed,Available,On hand\n' +
  'band-tshirt,Band T-Shirt,Size,Small,,,,,,,,Shop,0,0,0,10,10\n';
const SHOPIFY_TRANSLATIONS =
  'Type,Identification,Field,Locale,Market,Status,Default content,Translated content\n' +
  "PRODUCT,'8123456789,title,fr,,,Ceramic Mug,Tasse en céramique\n";
const PLUGIN_ORDERS =
  'Order Number;Order Date;Order Status;Billing First Name;Billing Last Name;Billing Email;Item Name;Quantity;Item Cost\n' +
  '1042;2026-03-01;completed;Ann;Lee;ann@example.com;Linen Apron;2;18.00\n';

describe('orders, customers and stock downloads are refused whole', () => {
  it.each([
    ['Shopify orders export', SHOPIFY_ORDERS, /is a Shopify orders export \(Name, Email, Financial Status…\).*Nothing was imported\..*Products → Export/],
    ['Shopify customers export', SHOPIFY_CUSTOMERS, /is a Shopify customers export .*Nothing was imported\..*Products → Export/],
    ['Shopify inventory export', SHOPIFY_INVENTORY, /is a Shopify inventory export \(Handle, Title, Option1 Name…\): stock per variant and location.*Nothing was imported\..*Products → Export/],
    ['Shopify inventory export (before 2024)', SHOPIFY_INVENTORY_OLD, /is a Shopify inventory export/],
    ['Shopify translations export', SHOPIFY_TRANSLATIONS, /is a Shopify translations export .*Nothing was imported\..*Products → Export/],
    ['Etsy Sold Order Items', ETSY_ORDER_ITEMS, /is an Etsy sold-orders download .*Nothing was imported\..*Currently for sale listings/],
    ['Etsy Sold Orders', ETSY_ORDERS, /is an Etsy sold-orders download/],
    ['a shop plugin orders export', PLUGIN_ORDERS, /looks like an orders export \(Order Number, Order Date, Order Status…\).*Nothing was imported/],
  ])('%s', async (_name, text, message) => {
    await expect(importText(text, { defaultCurrency: 'USD' })).rejects.toThrow(message);
    // A format the seller picks does not read it as listings either.
    await expect(importText(text, { dialect: 'generic_csv', defaultCurrency: 'USD' })).rejects.toThrow(message);
  });

  it('a product file with an order-like column is still read', async () => {
    const text = 'Title,SKU,Price,Order ID,Notes\nLinen Apron,AP-1,18.00,,made to order\n';
    const { records } = await importText(text, { defaultCurrency: 'USD' });
    expect(records).toHaveLength(1);
  });

  it('no real listing file is taken for one', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const name of files) {
      const head = readFileSync(corpusPath(name)).subarray(0, 64 * 1024).toString('latin1');
      expect(storeSalesFileMessage(name, head), name).toBeNull();
    }
  });
});
