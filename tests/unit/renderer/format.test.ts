import { describe, expect, it } from 'vitest';
import { tokenFromHash } from '../../../renderer/src/bridge/token.js';
import { backoffDelay, rpcUrl } from '../../../renderer/src/bridge/ws-transport.js';
import {
  descriptionToText,
  formatCount,
  formatDate,
  formatDateTime,
  formatInteger,
  formatPrice,
  isDisplayableImageUrl,
  parseRowNumber,
} from '../../../renderer/src/format.js';

/** ICU puts (narrow) no-break spaces between symbol and amount; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatPrice (minor units by currency)', () => {
  it('uses the currency’s fraction digits', () => {
    expect(formatPrice(1234, 'USD', 'en-US')).toBe('$12.34');
    expect(formatPrice(1234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(plain(formatPrice(1234, 'BHD', 'en-US'))).toBe('BHD 1.234');
    expect(plain(formatPrice(123456, 'EUR', 'de-DE'))).toBe('1.234,56 €');
    expect(formatPrice(0, 'GBP', 'en-GB')).toBe('£0.00');
  });
  it('handles missing prices and odd currency codes', () => {
    expect(formatPrice(null, 'USD', 'en-US')).toBe('—');
    expect(formatPrice(1234, 'usd', 'en-US')).toBe('$12.34');
    expect(formatPrice(1234, '', 'en-US')).toBe('12.34');
    expect(formatPrice(1234, 'NOT A CODE', 'en-US')).toBe('12.34 NOT A CODE');
  });
});

describe('counts and dates', () => {
  it('formats counts', () => {
    expect(formatCount(1_000_000, 'listing', 'listings', 'en-US')).toBe('1,000,000 listings');
    expect(formatCount(1, 'listing', 'listings', 'en-US')).toBe('1 listing');
    expect(formatInteger(null)).toBe('—');
  });
  it('formats dates', () => {
    const ms = Date.UTC(2025, 2, 5, 14, 7);
    expect(formatDate(ms, 'en-US', 'UTC')).toBe('Mar 5, 2025');
    expect(formatDateTime(ms, 'en-US', 'UTC')).toMatch(/^Mar 5, 2025, 2:07\sPM$/);
    expect(formatDateTime(Number.NaN)).toBe('—');
    expect(formatDateTime(8.64e15 + 1)).toBe('—');
  });
});

describe('descriptionToText (untrusted text, displayed as text)', () => {
  it('keeps plain text', () => {
    expect(descriptionToText('  Plain text\nline 2 ')).toBe('Plain text\nline 2');
  });
  it('turns HTML into readable text and drops scripts', () => {
    const text = descriptionToText('<p>Nice <b>mug</b></p><script>alert(1)</script><ul><li>One</li><li>Two &amp; three</li></ul><img src=x onerror=alert(1)>');
    expect(text).toBe('Nice mug\n\n• One\n• Two & three');
    expect(text).not.toContain('<');
    expect(text).not.toContain('alert');
  });
  it('decodes entities without producing markup from them', () => {
    expect(descriptionToText('5 &lt; 6 &#x263A; &#9731; &bogus;')).toBe('5 < 6 ☺ ☃ &bogus;');
  });
});

describe('small parsers', () => {
  it('parses a 1-based row number', () => {
    expect(parseRowNumber('1', 10)).toBe(0);
    expect(parseRowNumber('1,000,000', 1_000_000)).toBe(999_999);
    expect(parseRowNumber('5000000', 1_000_000)).toBe(999_999);
    expect(parseRowNumber('0', 10)).toBeNull();
    expect(parseRowNumber('abc', 10)).toBeNull();
    expect(parseRowNumber('3', 0)).toBeNull();
  });
  it('allows only images the CSP would load', () => {
    expect(isDisplayableImageUrl('https://i.etsystatic.com/a.jpg')).toBe(true);
    expect(isDisplayableImageUrl('data:image/png;base64,AAA')).toBe(true);
    expect(isDisplayableImageUrl('http://example.com/a.jpg')).toBe(false);
    expect(isDisplayableImageUrl('javascript:alert(1)')).toBe(false);
  });
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123');
    expect(tokenFromHash('#x=1&token=a.b-c_d~')).toBe('a.b-c_d~');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#token=<script>')).toBeNull();
  });
  it('builds the rpc url and backs off', () => {
    expect(rpcUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/rpc');
    expect(backoffDelay(0, 0.5)).toBe(250);
    expect(backoffDelay(3, 0.5)).toBe(2000);
    expect(backoffDelay(50, 0.5)).toBe(5000);
    expect(backoffDelay(50, 1)).toBe(6000);
  });
});
