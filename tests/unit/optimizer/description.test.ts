import { describe, expect, it } from 'vitest';
import { MARKETPLACES, type Marketplace } from '../../../common/listing.js';
import { evaluateField } from '../../../common/rules/index.js';
import { optimizeDescription } from '../../../core/optimizer/optimize-description.js';

const errorsOf = (description: string, marketplace: Marketplace): string[] =>
  evaluateField('description', description, marketplace)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => issue.ruleId);

const TEXT = 'Solid brass desk lamp with a linen shade, rewired and tested, ready to use. The shade is 30 cm wide and the lamp stands 45 cm tall.';

describe('eBay: no active content, contact details or off-eBay links', () => {
  const hostile =
    `<p onclick="steal()">${TEXT}<script>alert(1)</script></p>` +
    '<img src="https://i.ebayimg.com/images/lamp.jpg" onerror="alert(1)">' +
    '<a href="javascript:alert(1)">Click here</a>' +
    '<iframe src="https://tracker.example/frame"></iframe>' +
    '<form action="https://collect.example"><input name="email">Sign up for news</form>' +
    '<object data="movie.swf"></object><embed src="movie.swf">' +
    '<svg onload="alert(1)"><circle r="1"></circle></svg>';

  it('removes scripts, event handlers, javascript: links, frames, forms and plugins; keeps the text', () => {
    expect(errorsOf(hostile, 'ebay')).toEqual(expect.arrayContaining(['ebay.description.no_scripts', 'ebay.description.no_frames', 'ebay.description.no_forms']));
    const proposal = optimizeDescription(hostile, 'ebay');
    const after = proposal?.after ?? '';
    expect(errorsOf(after, 'ebay')).toEqual([]);
    for (const gone of ['<script', 'onclick', 'onerror', 'onload', 'javascript:', '<iframe', '<form', '<input', '<object', '<embed', 'alert(1)']) {
      expect(after).not.toContain(gone);
    }
    expect(after).toContain(TEXT);
    expect(after).toContain('Click here');
    expect(after).toContain('Sign up for news');
    expect(after).toContain('<img src="https://i.ebayimg.com/images/lamp.jpg" />');
    expect(proposal?.changes[0]).toMatchObject({ ruleId: 'ebay.description.no_scripts' });
    expect(proposal?.changes[0]?.fixes).toEqual(expect.arrayContaining(['ebay.description.no_frames', 'ebay.description.no_forms']));
  });

  it('catches scripts hidden behind entities and odd casing', () => {
    const sneaky = `<p>${TEXT}</p><a href="jav&#x61;script:alert(1)">x</a><IMG SRC=x OnError=alert(1)><ScRiPt>bad()</sCrIpT>`;
    const after = optimizeDescription(sneaky, 'ebay')?.after ?? '';
    expect(after.toLowerCase()).not.toMatch(/script|onerror/);
    expect(after).toContain(TEXT);
  });

  it('removes e-mail addresses and unwraps off-eBay links; eBay links and images hosted elsewhere stay', () => {
    const html = `<p>${TEXT} Questions? Mail joe@example.com or see <a href="https://myshop.example/lamps">my shop</a> and https://other.example/x, or <a href="https://www.ebay.com/str/lamps">my eBay store</a>.</p><img src="https://cdn.example.com/lamp.jpg">`;
    const proposal = optimizeDescription(html, 'ebay');
    const after = proposal?.after ?? '';
    expect(errorsOf(after, 'ebay')).toEqual([]);
    expect(after).not.toContain('joe@example.com');
    expect(after).not.toContain('myshop.example');
    expect(after).not.toContain('other.example');
    expect(after).toContain('<span>my shop</span>');
    expect(after).toContain('<a href="https://www.ebay.com/str/lamps">my eBay store</a>');
    expect(after).toContain('<img src="https://cdn.example.com/lamp.jpg" />');
    expect(proposal?.changes.at(-1)?.fixes).toEqual(['ebay.description.no_email', 'ebay.description.no_external_links']);
    expect(proposal?.changes.at(-1)?.reason).toContain('“joe@example.com”');
  });

  it('leaves a clean eBay template byte for byte (tables, fonts, inline styles)', () => {
    const template = `<div style="font-family:Arial" class="box"><center><font color="#333" size="3">${TEXT}</font></center><table border="1" cellpadding="4"><tr><td colspan="2">Size<br>30 cm</td></tr></table></div>`;
    expect(optimizeDescription(template, 'ebay')).toBeNull();
    expect(optimizeDescription(`${TEXT} a < b, c > d & e`, 'ebay')).toBeNull();
  });
});

describe('Amazon: plain text, no URLs, e-mails or phone numbers', () => {
  it('turns HTML into plain text with line breaks, list dashes and decoded entities', () => {
    const html = `<h2>Features</h2>\n  <ul>\n<li>Soft &amp; warm</li><li>Women&#39;s fit</li></ul><p>${TEXT}<br>Machine washable.</p><style>p{color:red}</style>`;
    const proposal = optimizeDescription(html, 'amazon');
    expect(proposal?.after).toBe(`Features\n- Soft & warm\n- Women's fit\n\n${TEXT}\nMachine washable.`);
    expect(proposal?.changes).toEqual([expect.objectContaining({ ruleId: 'amazon.description.no_html' })]);
  });

  it('keeps text that only looks like a tag encoded, so the result has no markup', () => {
    const after = optimizeDescription(`<p>${TEXT} Use &lt;b&gt; for bold.</p>`, 'amazon')?.after ?? '';
    expect(after).toBe(`${TEXT} Use &lt;b> for bold.`);
    expect(evaluateField('description', after, 'amazon')).toEqual([]);
  });

  it('removes URLs, shop domains, e-mail addresses and phone numbers; the rest of the text stays', () => {
    const text = `${TEXT}\nQuestions? Write to help@lampco.example or call (555) 123-4567 or +44 20 7946 0958.\nMore at https://lampco.example/lamps and www.lampco.com today.`;
    expect(errorsOf(text, 'amazon')).toEqual(['amazon.description.no_urls', 'amazon.description.no_email', 'amazon.description.no_phone']);
    const proposal = optimizeDescription(text, 'amazon');
    expect(proposal?.after).toBe(`${TEXT}\nQuestions? Write to or call or.\nMore at and today.`);
    expect(errorsOf(proposal?.after ?? '', 'amazon')).toEqual([]);
    expect(proposal?.changes[0]?.ruleId).toBe('amazon.description.no_urls');
    expect(proposal?.changes[0]?.fixes).toEqual(['amazon.description.no_urls', 'amazon.description.no_email', 'amazon.description.no_phone']);
  });

  it('leaves clean plain text alone, line breaks included', () => {
    expect(optimizeDescription(`${TEXT}\n\nCare: wipe with a dry cloth.`, 'amazon')).toBeNull();
  });
});

describe('other marketplaces', () => {
  it('sanitizes to a safe allow-list (no scripts, handlers or inline styles) and keeps clean HTML as written', () => {
    const proposal = optimizeDescription(`<p style="color:red" onmouseover="x()">${TEXT}</p><script src="https://x.example/a.js"></script><ul><li>One</li></ul>`, 'shopify');
    expect(proposal?.after).toBe(`<p>${TEXT}</p><ul><li>One</li></ul>`);
    expect(proposal?.changes[0]?.ruleId).toBe('optimizer.description.sanitize');
    expect(optimizeDescription(`<p>${TEXT}</p><ul><li>One &amp; two</li></ul><br>`, 'woocommerce')).toBeNull();
  });

  it('gives Etsy plain text (it shows tags literally) and keeps its plain text as written', () => {
    expect(optimizeDescription(`<p><b>${TEXT}</b></p><p>Second paragraph.</p>`, 'etsy')?.after).toBe(`${TEXT}\nSecond paragraph.`);
    expect(optimizeDescription('<b>Bold</b> start\nnext line <i>here</i>', 'etsy')?.after).toBe('Bold start\nnext line here');
    expect(optimizeDescription(`${TEXT} Fish & chips\nsecond line`, 'etsy')).toBeNull();
  });

  it('never lets a description cost points: removed script text that counted as length stays', () => {
    const short = `<p>Brass lamp.</p><script>${'var padding = 1;'.repeat(10)}</script>`;
    expect(evaluateField('description', short, 'shopify')).toEqual([]);
    expect(optimizeDescription(short, 'shopify')).toBeNull();
  });

  it('changes nothing when run on its own output', () => {
    const inputs = [
      `<p onclick="x()">${TEXT}</p><script>1</script>`,
      `<h1>Title</h1><p>${TEXT} mail a@b.example www.shop.com</p><a href="mailto:a@b.example">mail</a>`,
      `${TEXT}\n\n\ncall 555-123-4567  now`,
      '<div><p>  nested   <b>bold</b></p><br/><br/><li>loose item</li></div>',
    ];
    for (const marketplace of MARKETPLACES) {
      for (const input of inputs) {
        const once = optimizeDescription(input, marketplace)?.after ?? input;
        expect(optimizeDescription(once, marketplace), `${marketplace}: ${JSON.stringify(once)}`).toBeNull();
      }
    }
  });
});
