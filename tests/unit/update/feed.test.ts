/**
 * The feed checker against a REAL local HTTP feed on 127.0.0.1 serving electron-builder's
 * `latest.yml` and an artifact.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed, compareVersions, downloadVerified, parseFeed } from '../../../core/update/feed.js';
import { tempDir } from '../paths.js';

const artifact = Buffer.from('pretend this is Listsmith-1.3.0.AppImage '.repeat(5000));
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');

let server: Server;
let base: string;
let feedVersion = '1.3.0';
let feedSha = sha512(artifact);
const feedSize = artifact.length;
let up = true;
const requests: string[] = [];

function latestYml(): string {
  return [
    `version: ${feedVersion}`,
    'files:',
    `  - url: Listsmith-${feedVersion}-linux-x86_64.AppImage`,
    `    sha512: ${feedSha}`,
    `    size: ${feedSize}`,
    '    blockMapSize: 1234',
    `path: Listsmith-${feedVersion}-linux-x86_64.AppImage`,
    `sha512: ${feedSha}`,
    "releaseDate: '2025-06-01T10:00:00.000Z'",
    '',
  ].join('\n');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (!up) {
      res.writeHead(503).end('down');
      return;
    }
    if (req.url === '/updates/latest-linux.yml') res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(latestYml());
    else if (req.url?.endsWith('.AppImage')) res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(artifact);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('update feed (local HTTP)', () => {
  it('newer version → available; same or older → none', async () => {
    feedVersion = '1.3.0';
    const logs: string[] = [];
    const available = await checkFeed({ feedUrl: base, channelFile: 'latest-linux.yml', currentVersion: '1.2.9', log: (_l, m) => logs.push(m) });
    expect(available).toMatchObject({ kind: 'available', version: '1.3.0', file: { url: 'Listsmith-1.3.0-linux-x86_64.AppImage', size: artifact.length }, releaseDate: '2025-06-01T10:00:00.000Z' });
    expect(await checkFeed({ feedUrl: `${base}/`, channelFile: 'latest-linux.yml', currentVersion: '1.3.0' })).toEqual({ kind: 'none', version: '1.3.0' });
    expect(await checkFeed({ feedUrl: base, channelFile: 'latest-linux.yml', currentVersion: '2.0.0' })).toEqual({ kind: 'none', version: '1.3.0' });
    expect(logs.join('\n')).toMatch(/1\.3\.0 available/);
  });

  it('a prerelease is offered only to the beta channel', async () => {
    feedVersion = '1.4.0-beta.1';
    expect((await checkFeed({ feedUrl: base, channelFile: 'latest-linux.yml', currentVersion: '1.3.0' })).kind).toBe('none');
    expect((await checkFeed({ feedUrl: base, channelFile: 'latest-linux.yml', currentVersion: '1.3.0', allowPrerelease: true })).kind).toBe('available');
    feedVersion = '1.3.0';
  });

  it('downloads and keeps the artifact only when sha512 and size match', async () => {
    const t = tempDir('listsmith-update-');
    try {
      feedSha = sha512(artifact);
      const check = await checkFeed({ feedUrl: base, channelFile: 'latest-linux.yml', currentVersion: '1.0.0' });
      if (check.kind !== 'available') throw new Error('expected an update');
      const ok = await downloadVerified(base, check.file, t.dir);
      expect(ok.ok).toBe(true);
      expect(ok.ok && readFileSync(ok.path).equals(artifact)).toBe(true);

      const bad = await downloadVerified(base, { ...check.file, sha512: sha512(Buffer.from('something else')) }, join(t.dir));
      expect(bad).toMatchObject({ ok: false, reason: 'sha512-mismatch' });
      const short = await downloadVerified(base, { ...check.file, size: artifact.length + 1 }, t.dir);
      expect(short).toMatchObject({ ok: false, reason: 'size-mismatch' });
      expect(readdirSync(t.dir)).toEqual(['Listsmith-1.3.0-linux-x86_64.AppImage']); // refused downloads leave nothing
      const missing = await downloadVerified(base, { ...check.file, url: 'nope.bin' }, t.dir);
      expect(missing).toMatchObject({ ok: false, reason: 'http' });
    } finally {
      t.cleanup();
    }
  });

  it('feed down, unreachable or garbage → quiet error result (logged, never thrown)', async () => {
    const logs: string[] = [];
    const log = (_level: string, m: string) => logs.push(m);
    up = false;
    expect(await checkFeed({ feedUrl: base, channelFile: 'latest-linux.yml', currentVersion: '1.0.0', log })).toMatchObject({ kind: 'error', message: /503/ });
    up = true;
    expect(await checkFeed({ feedUrl: 'http://127.0.0.1:1/', channelFile: 'latest.yml', currentVersion: '1.0.0', log, timeoutMs: 2_000 })).toMatchObject({ kind: 'error' });
    expect(await checkFeed({ feedUrl: base, channelFile: 'missing.yml', currentVersion: '1.0.0', log })).toMatchObject({ kind: 'error', message: /404/ });
    expect(logs).toHaveLength(3);
  });
});

describe('feed parsing and versions', () => {
  it('parses the legacy single-file form and rejects junk', () => {
    expect(parseFeed('version: 1.0.1\npath: a.exe\nsha512: abc\n')).toMatchObject({ version: '1.0.1', files: [{ url: 'a.exe', sha512: 'abc' }] });
    expect(() => parseFeed('<html>captive portal</html>')).toThrow();
    expect(() => parseFeed('version: latest\npath: a\nsha512: b')).toThrow(/version/);
    expect(() => parseFeed('version: 1.0.0\n')).toThrow(/no files/);
  });

  it('compares versions like semver', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.2.0', '1.10.0', '2.0.0'];
    for (let i = 0; i < ordered.length - 1; i++) {
      expect(compareVersions(ordered[i]!, ordered[i + 1]!), `${ordered[i]} < ${ordered[i + 1]}`).toBe(-1);
      expect(compareVersions(ordered[i + 1]!, ordered[i]!)).toBe(1);
    }
    expect(compareVersions('1.2.3+build.5', '1.2.3')).toBe(0);
  });
});
