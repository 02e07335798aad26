import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportListings } from '../../../core/export/export-listings.js';
import { tempDir } from '../catalog/temp-catalog.js';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, reimport } from './export-helpers.js';

/**
 * A Meta catalog CSV names list and nested fields by JSON path (`style[0]`, `video[0].url`; the
 * real one: somtoZikora/leibig facebook_catalog.csv). Through the XML feed export the brackets
 * became `_` (`<g:style_0_>`) and the column came back as another attribute, `style_0_`.
 */
const CSV = `id,title,description,availability,condition,price,link,image_link,brand,style[0],video[0].url,product_tags[1]
W-1,2020 Riesling,Dry,in stock,new,12.50 EUR,https://wine.example/w1,https://img.example/w1.jpg,Kirsten,Vollmundig & Komplex,https://video.example/w1.mp4,
`;

describe('Google XML feed export: JSON-path columns', () => {
  it('writes the brackets as XmlConvert escapes them and reads the same columns back', async () => {
    const catalog = await catalogFromText(CSV);
    const before = readAllListings(catalog);
    expect(before[0]!.attributes).toMatchObject({ 'style[0]': 'Vollmundig & Komplex', 'video[0].url': 'https://video.example/w1.mp4' });
    const summary = await exportListings(catalog, { format: 'google_merchant_xml', scope: { kind: 'all' }, outPath: path.join(tempDir(), 'feed.xml') });
    catalog.close();
    const xml = fs.readFileSync(summary.files[0]!.path, 'utf8');
    // Text fields get one more level of &amp; (the reader decodes one: feeds that escape twice).
    expect(xml).toContain('<g:style_x005b_0_x005d_>Vollmundig &amp;amp; Komplex</g:style_x005b_0_x005d_>');
    expect(xml).toContain('<g:video_x005b_0_x005d_.url>https://video.example/w1.mp4</g:video_x005b_0_x005d_.url>');
    const [back] = await reimport(summary);
    const view = (l: (typeof before)[number]): unknown[] => [l.sourceId, l.title, l.attributes, l.source?.attributeColumns, l.source?.columns];
    expect(view(back!)).toEqual(view(before[0]!));
  });
});
