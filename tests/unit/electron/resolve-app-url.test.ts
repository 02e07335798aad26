import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, mimeTypeFor, resolveAppUrl } from '../../../main/electron/resolve-app-url.js';

const ROOT = resolve('/srv/listsmith/out/renderer');

describe('resolveAppUrl', () => {
  it('serves index.html for / and for the bare origin', () => {
    expect(resolveAppUrl('app://listsmith/', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://listsmith', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppUrl(APP_ENTRY_URL, ROOT)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://listsmith/?x=1#top', ROOT)).toBe(join(ROOT, 'index.html'));
  });

  it('maps normal files inside the root', () => {
    expect(resolveAppUrl('app://listsmith/index.html', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://listsmith/assets/index-abc123.js', ROOT)).toBe(join(ROOT, 'assets', 'index-abc123.js'));
    expect(resolveAppUrl('app://listsmith/assets/app.css?v=2', ROOT)).toBe(join(ROOT, 'assets', 'app.css'));
    expect(resolveAppUrl('app://listsmith/fonts/Inter%20Var.woff2', ROOT)).toBe(join(ROOT, 'fonts', 'Inter Var.woff2'));
    expect(resolveAppUrl('APP://LISTSMITH/index.html', ROOT)).toBe(join(ROOT, 'index.html'));
  });

  it('rejects dot-segment traversal, raw and encoded', () => {
    for (const url of [
      'app://listsmith/../secret.txt',
      'app://listsmith/../../../../etc/passwd',
      'app://listsmith/assets/../../main/electron.js',
      'app://listsmith/./index.html',
      'app://listsmith/%2e%2e/secret.txt',
      'app://listsmith/%2E%2E/%2E%2E/etc/passwd',
      'app://listsmith/.%2e/secret.txt',
      'app://listsmith/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://listsmith/..%2fsecret.txt',
      'app://listsmith/..',
    ]) {
      expect(resolveAppUrl(url, ROOT), url).toBeNull();
    }
  });

  it('rejects absolute and drive paths', () => {
    for (const url of [
      'app://listsmith//etc/passwd',
      'app://listsmith/%2fetc%2fpasswd',
      'app://listsmith/C:/Windows/win.ini',
      'app://listsmith/C%3A%5CWindows%5Cwin.ini',
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppUrl(url, ROOT), url).toBeNull();
    }
  });

  it('rejects backslashes, raw and encoded', () => {
    for (const url of [
      'app://listsmith/..\\..\\secret.txt',
      'app://listsmith/assets\\index.js',
      'app://listsmith/..%5c..%5csecret.txt',
      'app://listsmith/assets%5Cindex.js',
    ]) {
      expect(resolveAppUrl(url, ROOT), url).toBeNull();
    }
  });

  it('rejects NUL and other control characters, raw and encoded', () => {
    for (const url of [
      'app://listsmith/index.html%00.png',
      'app://listsmith/index.html\u0000.png',
      'app://listsmith/in\tdex.html',
      'app://listsmith/index.html%0a',
      'app://listsmith/%0d%0aSet-Cookie:x',
    ]) {
      expect(resolveAppUrl(url, ROOT), JSON.stringify(url)).toBeNull();
    }
  });

  it('rejects other hosts, schemes, credentials and ports', () => {
    for (const url of [
      'app://evil/index.html',
      'app://listsmith.evil.com/index.html',
      'app://user:pw@listsmith/index.html',
      'app://listsmith@evil/index.html',
      'app://listsmith:8080/index.html',
      'https://listsmith/index.html',
      'http://127.0.0.1/index.html',
      'javascript:alert(1)',
      '',
    ]) {
      expect(resolveAppUrl(url, ROOT), url).toBeNull();
    }
  });

  it('rejects malformed encodings, directories and over-long URLs', () => {
    expect(resolveAppUrl('app://listsmith/%E0%A4%A', ROOT)).toBeNull();
    expect(resolveAppUrl('app://listsmith/assets/', ROOT)).toBeNull();
    expect(resolveAppUrl(`app://listsmith/${'a'.repeat(3000)}.js`, ROOT)).toBeNull();
  });

  it('never returns a path outside the root (fuzz)', () => {
    const pieces = ['..', '.', '%2e', '%2E%2e', '%2f', '%5c', '\\', '/', 'a', 'assets', 'index.html', '%00', ':', 'C:', '~', ''];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      const len = 1 + (next() % 6);
      const path = Array.from({ length: len }, () => pieces[next() % pieces.length]).join(next() % 2 ? '/' : '');
      const file = resolveAppUrl(`app://listsmith/${path}`, ROOT);
      if (file !== null) expect(file.startsWith(ROOT + (ROOT.endsWith('/') ? '' : '/')) || file.startsWith(ROOT + '\\'), path).toBe(true);
    }
  });
});

describe('isAppUrl', () => {
  it('accepts only our origin', () => {
    expect(isAppUrl('app://listsmith/')).toBe(true);
    expect(isAppUrl('app://listsmith/index.html#/grid')).toBe(true);
    expect(isAppUrl('app://listsmithx/')).toBe(false);
    expect(isAppUrl('app://listsmith.evil/')).toBe(false);
    expect(isAppUrl('app://x@listsmith/')).toBe(false);
    expect(isAppUrl('https://listsmith/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('mimeTypeFor', () => {
  it('knows the renderer file types and never guesses HTML', () => {
    expect(mimeTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/r/assets/a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/assets/a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/r/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/r/f.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/r/thing.unknown')).toBe('application/octet-stream');
    expect(mimeTypeFor('/r/README')).toBe('application/octet-stream');
  });
});
