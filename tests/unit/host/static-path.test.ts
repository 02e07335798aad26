import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../core/host/static-path.js';

const root = resolve('/srv/listsmith/renderer');

describe('resolveStaticPath: the renderer file guard', () => {
  it('serves index.html for the root and files inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
  });

  it.each([
    '/../package.json',
    '/assets/../../secret',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/..%5c..%5cwindows',
    '/assets\\..\\..\\x',
    '/C:/Windows/win.ini',
    '//evil.example/x',
    '/index.html%00.png',
    'relative/path',
    '/%E0%A4%A',
    '/./index.html',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});
