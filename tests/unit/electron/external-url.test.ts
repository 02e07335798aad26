import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../main/electron/external-url.js';

describe('isSafeExternalUrl', () => {
  it('allows plain https links', () => {
    expect(isSafeExternalUrl('https://www.etsy.com/listing/123')).toBe(true);
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    expect(isSafeExternalUrl('https://help.listsmith.app/docs?page=2#import')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://EXAMPLE.COM/')).toBe(true);
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'http://example.com',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'file://C:/Windows/System32/calc.exe',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.com',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox(1)',
      'app://listsmith/',
      'about:blank',
      'mailto:a@example.com',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses credentials', () => {
    expect(isSafeExternalUrl('https://user:pass@example.com/')).toBe(false);
    expect(isSafeExternalUrl('https://user@example.com/')).toBe(false);
    expect(isSafeExternalUrl('https://www.etsy.com@evil.example/')).toBe(false);
  });

  it('refuses malformed, disguised or odd input', () => {
    for (const url of [
      '',
      'https://',
      'https:example.com',
      'https:/example.com',
      ' https://example.com',
      'https://example.com\n',
      '\u0000https://example.com',
      'https:\\\\example.com',
      'https://exa mple.com',
      `https://example.com/${'a'.repeat(3000)}`,
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), JSON.stringify(url)).toBe(false);
    }
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl(42)).toBe(false);
    expect(isSafeExternalUrl({ toString: () => 'https://example.com' })).toBe(false);
  });
});
