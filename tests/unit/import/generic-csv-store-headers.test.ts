import { describe, expect, it } from 'vitest';
import { currencyHintOf } from '../../../core/import/currency-hint.js';
import { guessMapping } from '../../../core/import/dialects/generic-csv.js';
import { importText } from './helpers.js';

/**
 * Stores' own exports read as generic CSV name their columns the way a script does. Real ones:
 * a bouncy-castle hire site (SamOHON0/galwaybouncycastlesite products-export.csv: `price_eur`),
 * a marketplace export (Sabobeh1/Bazaars final_products_export.csv: `item_description`,
 * `item_category`, `item_images`, `item_stock`), a plug-in shop (ryaneskiljohnson/nnaudio-site
 * products-export.csv: `Current Price`). Their prices, descriptions and stock were attributes, and
 * `price_eur` made the import ask for the currency the header names.
 */
describe('generic CSV: store export headers', () => {
  it('price_eur is the price, in euros', async () => {
    const header = ['slug', 'name', 'category', 'price_eur'];
    expect(currencyHintOf({ dialect: 'generic_csv', header, preamble: [], rows: [] })).toEqual({ code: 'EUR', reason: 'column "price_eur"' });
    // The wizard and the CLI take the hint as the import's currency.
    const { listings } = await importText(`${header.join(',')}\nthe-eliminator,The Eliminator,Obstacle Courses,300\n`, { defaultCurrency: 'EUR' });
    expect(listings[0]).toMatchObject({ title: 'The Eliminator', priceMinor: 30000, currency: 'EUR', category: 'Obstacle Courses' });
  });

  it('item_… columns are the fields they name', async () => {
    const csv = 'title,actual_price,item_description,item_category,item_images,item_stock,price,sale_price\nConfort Jeans,34.9,Comfortable,Trousers,https://x/1.jpg,4,29.9,25\n';
    const { listings } = await importText(csv, { defaultCurrency: 'EUR' });
    expect(listings[0]).toMatchObject({ title: 'Confort Jeans', description: 'Comfortable', category: 'Trousers', images: ['https://x/1.jpg'], quantity: 4, priceMinor: 2990 });
    expect(listings[0]!.attributes).toMatchObject({ actual_price: '34.9', sale_price: '25' });
  });

  it('Current Price is the price; a second price column stays an attribute', () => {
    const mapping = guessMapping(['Name', 'Slug', 'Current Price', 'Current Sale Price', 'Website Price']);
    expect(mapping).toMatchObject({ '0': 'title', '2': 'price', '3': 'attribute:Current Sale Price', '4': 'attribute:Website Price' });
  });

  it('a word after price that names no currency is not a price', () => {
    expect(guessMapping(['Title', 'price tier'])['1']).toBe('attribute:price tier');
  });

  it("a dataset's uniq_id keys its rows, so importing it again updates instead of adding copies", async () => {
    // The header of the Flipkart products dataset (sonalkulk/Shack-labs-Pre-internship-test flipkart_com-ecommerce_sample.csv).
    const header = 'uniq_id,product_name,pid,retail_price,discounted_price,is_FK_Advantage_product,product_rating,overall_rating,brand';
    expect(guessMapping(header.split(','))).toMatchObject({ '0': 'sourceId', '1': 'title', '3': 'price', '8': 'brand' });
    const row = "c2d766ca982eca8304150849735ffef9,Alisha Solid Women's Cycling Shorts,SRTEH2FF9KEDEFGF,999,379,FALSE,No rating available,No rating available,Alisha";
    const { listings } = await importText(`${header}\n${row}\n`, { defaultCurrency: 'INR' });
    expect(listings[0]).toMatchObject({ sourceId: 'c2d766ca982eca8304150849735ffef9', title: "Alisha Solid Women's Cycling Shorts", priceMinor: 99900, brand: 'Alisha' });
    expect(listings[0]!.attributes).toMatchObject({ pid: 'SRTEH2FF9KEDEFGF', discounted_price: '379' });
  });

  it('actual_price is the price of an Amazon.in catalog, in the rupees its cells name', async () => {
    // Header and first rows of the Amazon India products dataset sellers and courses pass around (amazon.csv, karkavelrajaj on Kaggle; copies in many repositories).
    const csv = 'product_id,product_name,category,discounted_price,actual_price,discount_percentage,rating,rating_count\nB07JW9H4J1,Wayona Nylon Braided USB Cable,Computers&Accessories|Cables,₹399,"₹1,099",64%,4.2,"24,269"\n';
    const { listings } = await importText(csv);
    expect(listings[0]).toMatchObject({ sourceId: 'B07JW9H4J1', title: 'Wayona Nylon Braided USB Cable', priceMinor: 109900, currency: 'INR' });
    expect(listings[0]!.attributes).toMatchObject({ discounted_price: '₹399', rating_count: '24,269' });
  });

  it("a WooCommerce plugin's WordPress names (post_title, post_content, tax:product_cat) are the fields they name", async () => {
    // The header of WebToffee's Product Import Export for WooCommerce sample (Basic-Product_WooCommerce_Sample_CSV.csv).
    const csv =
      'parent_sku,sku,post_title,post_excerpt,post_content,post_status,regular_price,sale_price,stock_status,stock,manage_stock,weight,Images,tax:product_type,tax:product_cat,tax:product_tag\n' +
      ',A11,Samsung Galaxy Ace Duos,"-5 MP Primary Camera","Having a much vaunted reputation",publish,150,120,instock,25,yes,0.5,http://example.com/a.jpg | http://example.com/b.jpg,simple,Phones > Samsung,phone|samsung\n';
    const { listings } = await importText(csv, { defaultCurrency: 'USD' });
    expect(listings[0]).toMatchObject({
      sku: 'A11',
      title: 'Samsung Galaxy Ace Duos',
      description: 'Having a much vaunted reputation',
      status: 'active',
      priceMinor: 15000,
      quantity: 25,
      category: 'Phones > Samsung',
      tags: ['phone', 'samsung'],
      images: ['http://example.com/a.jpg', 'http://example.com/b.jpg'],
    });
    expect(listings[0]!.attributes).toMatchObject({ post_excerpt: '-5 MP Primary Camera', sale_price: '120', 'tax:product_type': 'simple' });
  });

  it("a Meta vehicle catalog: vehicle_id keys its rows, and custom_label_0 (a category shared by many) is no SKU", async () => {
    // The header of a dealer's Meta vehicle feed (adsemersonoliveira-midia/semlers-meta-feed meta_catalog.csv): read with
    // custom_label_0 as the SKU, 280 vehicles were merged into 6 listings, one per label.
    const header = 'vehicle_id,title,description,url,make,model,year,price,condition,availability,custom_label_0,custom_label_1,image[0].url';
    expect(guessMapping(header.split(','))).toMatchObject({ '0': 'sourceId', '10': 'attribute:custom_label_0', '11': 'attribute:custom_label_1', '12': 'images' });
    const csv = `${header}\n222174583,2002 GENIE S85,Boom lift,https://x/1,GENIE,S85,2002,49900 CAD,used,available,Construction_Equipment,Lifts,https://i/1.jpg\n224940705,1998 VOLVO L150C,Wheel loader,https://x/2,VOLVO,L150C,1998,79900 CAD,used,available,Construction_Equipment,Wheel Loaders,https://i/2.jpg\n`;
    const { listings } = await importText(csv);
    expect(listings.map((l) => [l.sourceId, l.sku, l.title, l.currency])).toEqual([
      ['222174583', null, '2002 GENIE S85', 'CAD'],
      ['224940705', null, '1998 VOLVO L150C', 'CAD'],
    ]);
    expect(listings[1]!.attributes).toMatchObject({ custom_label_0: 'Construction_Equipment', custom_label_1: 'Wheel Loaders' });
    expect(listings[1]!.images).toEqual(['https://i/2.jpg']);
    // eBay's custom label is still the SKU.
    expect(guessMapping(['Title', 'Custom label (SKU)'])['1']).toBe('sku');
    expect(guessMapping(['Title', 'CustomLabel'])['1']).toBe('sku');
  });
});
