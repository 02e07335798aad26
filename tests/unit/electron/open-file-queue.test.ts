import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importableOpenPath, OpenFileQueue } from '../../../main/electron/open-file-queue.js';
import { corpusPath } from '../../corpus-files.js';

const csv = join('/Users', 'seller', 'Downloads', 'EtsyListingsDownload.csv');
const xlsx = join('/Users', 'seller', 'Amazon Inventory.XLSX');

describe('importableOpenPath', () => {
  it('accepts absolute paths of files the import reads, real corpus files included', () => {
    expect(importableOpenPath(csv)).toBe(csv);
    expect(importableOpenPath(xlsx)).toBe(xlsx);
    const real = corpusPath('shopify_products_export_2024_POLISH_market-price-columns__mikolajroszak.csv');
    expect(importableOpenPath(real)).toBe(real);
  });
  it('refuses other types, relative paths, NULs, overlong and non-string values', () => {
    for (const bad of ['/Users/seller/photo.png', '/Applications/Listsmith.app', 'listings.csv', `/tmp/a\0.csv`, `/${'a'.repeat(5000)}.csv`, '', null, undefined, 42]) {
      expect(importableOpenPath(bad), String(bad).slice(0, 40)).toBeNull();
    }
  });
});

describe('OpenFileQueue', () => {
  it('keeps files that arrive before the window (macOS sends open-file before ready) and hands them over in order', () => {
    const queue = new OpenFileQueue();
    expect(queue.push(csv)).toBe('queued');
    expect(queue.push(xlsx)).toBe('queued');
    expect(queue.push(csv)).toBe('queued'); // the same file twice waits once
    expect(queue.waiting()).toEqual([csv, xlsx]);
    const opened: string[] = [];
    queue.ready((path) => opened.push(path));
    expect(opened).toEqual([csv, xlsx]);
    expect(queue.waiting()).toEqual([]);
  });

  it('opens at once while a window is ready, and holds again when the last window closed', () => {
    const queue = new OpenFileQueue();
    const opened: string[] = [];
    queue.ready((path) => opened.push(path));
    expect(queue.push(csv)).toBe('opened');
    expect(opened).toEqual([csv]);
    queue.notReady();
    expect(queue.push(xlsx)).toBe('queued');
    expect(opened).toEqual([csv]);
    queue.ready((path) => opened.push(path));
    expect(opened).toEqual([csv, xlsx]);
  });

  it('ignores what the import cannot read', () => {
    const queue = new OpenFileQueue();
    expect(queue.push('/Users/seller/notes.pages')).toBe('ignored');
    expect(queue.waiting()).toEqual([]);
  });
});
