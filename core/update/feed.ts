/**
 * A small, dependency-free reader of electron-updater's feed (`latest.yml`, `latest-mac.yml`, …)
 * and a verifying downloader. The app itself updates through electron-updater (main/electron/
 * updater.ts); this module exists so the same decisions — is there a newer version? does the
 * artifact match its sha512? — are tested in plain Node against a local HTTP feed, and so the web
 * harness / diagnostics can check a feed without Electron. Never throws: failures are results.
 *
 * The feed format (electron-builder):
 *   version: 1.2.3
 *   files:
 *     - url: Listsmith-1.2.3-linux-x86_64.AppImage
 *       sha512: <base64>
 *       size: 123456
 *   path: Listsmith-1.2.3-linux-x86_64.AppImage      (legacy, = files[0].url)
 *   sha512: <base64>                                  (legacy, = files[0].sha512)
 *   releaseDate: '2025-06-01T10:00:00.000Z'
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export interface FeedFile {
  url: string;
  sha512: string;
  size?: number;
}

export interface UpdateFeed {
  version: string;
  files: FeedFile[];
  path?: string;
  sha512?: string;
  releaseDate?: string;
}

export type FeedCheck =
  | { kind: 'available'; version: string; file: FeedFile; releaseDate?: string }
  | { kind: 'none'; version: string }
  | { kind: 'error'; message: string };

export type DownloadResult = { ok: true; path: string } | { ok: false; reason: 'sha512-mismatch' | 'size-mismatch' | 'http' | 'network'; message: string };

const MAX_FEED_BYTES = 64 * 1024;

function unquote(value: string): string {
  const v = value.trim();
  if ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"'))) return v.slice(1, -1);
  return v;
}

/** Parses the subset of YAML electron-builder writes for update feeds. Throws on anything else. */
export function parseFeed(text: string): UpdateFeed {
  const top: Record<string, string> = {};
  const files: Record<string, string>[] = [];
  let inFiles = false;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const item = /^\s+-\s+(\w+):\s*(.*)$/.exec(raw);
    const nested = /^\s+(\w+):\s*(.*)$/.exec(raw);
    const key = /^(\w+):\s*(.*)$/.exec(raw);
    if (key) {
      inFiles = key[1] === 'files' && key[2]!.trim() === '';
      if (!inFiles) top[key[1]!] = unquote(key[2]!);
    } else if (inFiles && item) {
      files.push({ [item[1]!]: unquote(item[2]!) });
    } else if (inFiles && nested && files.length > 0) {
      files[files.length - 1]![nested[1]!] = unquote(nested[2]!);
    } else {
      throw new Error(`unexpected line in update feed: ${raw.slice(0, 80)}`);
    }
  }
  const version = top.version;
  if (!version || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version)) throw new Error('update feed has no valid version');
  const parsedFiles: FeedFile[] = files.map((f) => {
    if (!f.url || !f.sha512) throw new Error('update feed file entry needs url and sha512');
    const size = f.size === undefined ? undefined : Number(f.size);
    return { url: f.url, sha512: f.sha512, ...(size !== undefined && Number.isFinite(size) ? { size } : {}) };
  });
  if (parsedFiles.length === 0 && top.path && top.sha512) parsedFiles.push({ url: top.path, sha512: top.sha512 });
  if (parsedFiles.length === 0) throw new Error('update feed lists no files');
  return {
    version,
    files: parsedFiles,
    ...(top.path ? { path: top.path } : {}),
    ...(top.sha512 ? { sha512: top.sha512 } : {}),
    ...(top.releaseDate ? { releaseDate: top.releaseDate } : {}),
  };
}

/** Semantic-version comparison (major.minor.patch, then pre-release per semver §11). */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre] = v.split('+')[0]!.split(/-(.*)/s);
    return { nums: core.split('.').map(Number), pre: pre ? pre.split('.') : [] };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre.length === 0 || y.pre.length === 0) return x.pre.length === y.pre.length ? 0 : x.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn && Number(p) !== Number(q)) return Math.sign(Number(p) - Number(q));
    if (pn !== qn) return pn ? -1 : 1;
    if (!pn && p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

export interface CheckFeedOptions {
  /** Base URL of the feed folder (the generic provider's `url`). */
  feedUrl: string;
  /** e.g. latest-linux.yml (see channelFileName). */
  channelFile: string;
  currentVersion: string;
  allowPrerelease?: boolean;
  log?: (level: 'info' | 'warn', message: string) => void;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

function feedFileUrl(base: string, name: string): string {
  return new URL(name, base.endsWith('/') ? base : `${base}/`).toString();
}

export async function checkFeed(options: CheckFeedOptions): Promise<FeedCheck> {
  const log = options.log ?? (() => {});
  const fetchImpl = options.fetchImpl ?? fetch;
  try {
    const response = await fetchImpl(feedFileUrl(options.feedUrl, options.channelFile), { signal: AbortSignal.timeout(options.timeoutMs ?? 15_000), redirect: 'follow' });
    if (!response.ok) throw new Error(`feed answered HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_FEED_BYTES) throw new Error('feed file is too large');
    const feed = parseFeed(text);
    const newer = compareVersions(feed.version, options.currentVersion) > 0;
    if (!newer || (!options.allowPrerelease && /-/.test(feed.version.split('+')[0]!))) {
      log('info', `update check: no update (feed ${feed.version}, running ${options.currentVersion})`);
      return { kind: 'none', version: feed.version };
    }
    log('info', `update check: ${feed.version} available (running ${options.currentVersion})`);
    return { kind: 'available', version: feed.version, file: feed.files[0]!, ...(feed.releaseDate ? { releaseDate: feed.releaseDate } : {}) };
  } catch (error) {
    const message = `update check failed: ${(error as Error).message}`;
    log('warn', message);
    return { kind: 'error', message };
  }
}

/**
 * Downloads `file` from the feed into `destDir` and keeps it only when its size and sha512 match
 * the feed (written to a `.download` name first; a mismatch deletes it).
 */
export async function downloadVerified(feedUrl: string, file: FeedFile, destDir: string, options: { fetchImpl?: typeof fetch; timeoutMs?: number } = {}): Promise<DownloadResult> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const name = file.url.split('/').pop()!.replace(/[^\w.-]/g, '_');
  const finalPath = join(destDir, name);
  const partial = `${finalPath}.download`;
  let response: Response;
  try {
    response = await fetchImpl(feedFileUrl(feedUrl, file.url), { signal: AbortSignal.timeout(options.timeoutMs ?? 10 * 60_000) });
  } catch (error) {
    return { ok: false, reason: 'network', message: (error as Error).message };
  }
  if (!response.ok || !response.body) return { ok: false, reason: 'http', message: `download answered HTTP ${response.status}` };
  const hash = createHash('sha512');
  let size = 0;
  try {
    const body = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    await pipeline(body, createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    return { ok: false, reason: 'network', message: (error as Error).message };
  }
  if (file.size !== undefined && size !== file.size) {
    await rm(partial, { force: true });
    return { ok: false, reason: 'size-mismatch', message: `downloaded ${size} bytes, the feed says ${file.size}` };
  }
  const actual = hash.digest('base64');
  if (actual !== file.sha512) {
    await rm(partial, { force: true });
    return { ok: false, reason: 'sha512-mismatch', message: 'the downloaded file does not match the sha512 in the feed: refused' };
  }
  await rename(partial, finalPath);
  return { ok: true, path: finalPath };
}
