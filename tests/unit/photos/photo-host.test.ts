import { readFileSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerMessage } from '../../../common/bridge.js';
import type { PhotoStatus } from '../../../common/photo-types.js';
import type { Envelope } from '../../../common/result.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { exportListings } from '../../../core/export/export-listings.js';
import type { CoreApi } from '../../../core/host/core-api.js';
import { createCore } from '../../../core/host/create-core.js';
import { readPhotoSources } from '../../../core/photos/photo-sources.js';
import { startWebHost, type WebHost } from '../../../main/web/start-web-host.js';
import { newListing } from '../catalog/temp-catalog.js';
import { builtRendererDir, builtWorkerFile, tempDir } from '../paths.js';
import { startPhotoServer, type PhotoServer } from './photo-server.js';

/** The photo cache end to end in the host: a real catalog, the real core and web host, a real photo server. */
let server: PhotoServer;
let core: CoreApi;
let host: WebHost;
let ws: WebSocket;
let dir: string;
let cleanup: () => void;
const urls: string[] = [];

function get(path: string): Promise<{ status: number; type: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: host.port, path }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

let nextId = 1;
function call<T>(method: string, input: unknown): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as WsServerMessage;
      if (message.type !== 'result' || message.id !== id) return;
      ws.off('message', onMessage);
      const envelope = message.envelope as Envelope<T>;
      if (envelope.ok) resolve(envelope.value);
      else reject(new Error(`${envelope.error.code}: ${envelope.error.message}`));
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'call', id, method, input }));
  });
}

const photoPath = (url: string, size: 'thumb' | 'view', token: string | null = host.token) => `/photos/${size}?u=${encodeURIComponent(url)}${token === null ? '' : `&t=${token}`}`;

beforeAll(async () => {
  server = await startPhotoServer();
  const temp = tempDir();
  dir = temp.dir;
  cleanup = temp.cleanup;
  const path = join(dir, 'catalog.sqlite');
  const writer = openCatalog(path, { role: 'writer' });
  urls.push(`${server.base}/photo.jpg`, `${server.base}/photo.png`, `${server.base}/photo.webp`, `${server.base}/missing.jpg`);
  insertListings(writer.db, [
    newListing({ sku: 'A', title: 'Mug with two photos', images: [urls[0]!, urls[1]!] }),
    newListing({ sku: 'B', title: 'Bowl', images: [urls[2]!] }),
    newListing({ sku: 'C', title: 'Vase with a dead link', images: [urls[3]!, 'not a url'] }),
    newListing({ sku: 'D', title: 'No photos', images: [] }),
  ]);
  writer.close();
  core = await createCore({ databasePath: path, appVersion: '0.0.0-test', transport: 'web', workerFile: builtWorkerFile, photos: { backoffMs: 20, timeoutMs: 2_000 } });
  host = await startWebHost({ core, rendererDir: builtRendererDir });
  ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, ['listsmith.v1', `token.${host.token}`], { origin: `http://127.0.0.1:${host.port}` });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
}, 60_000);

afterAll(async () => {
  ws?.close();
  await host?.close();
  await core?.close();
  await server?.close();
  cleanup?.();
});

describe('photo cache in the host', () => {
  it('reads the catalog photo addresses page by page in id order', () => {
    const catalog = openCatalog(join(dir, 'catalog.sqlite'), { role: 'reader' });
    const first = readPhotoSources(catalog.db, 0, 2);
    expect(first.urls).toEqual([urls[0], urls[1], urls[2]]);
    const second = readPhotoSources(catalog.db, first.nextAfterId!, 2);
    // "not a url" is left out; the page after the last says so.
    expect(second.urls).toEqual([urls[3]]);
    expect(readPhotoSources(catalog.db, second.nextAfterId!, 2)).toEqual({ urls: [], nextAfterId: null });
    expect(readPhotoSources(catalog.db, 0, 10).nextAfterId).toBeNull();
    catalog.close();
  });

  it('downloads every photo of the catalog in the background and serves local copies with the token', async () => {
    await expect.poll(async () => (await call<PhotoStatus>('photos.status', {})).cached, { timeout: 20_000 }).toBe(3);
    await expect.poll(async () => (await call<PhotoStatus>('photos.status', {})).failed, { timeout: 20_000 }).toBe(1);
    const status = await call<PhotoStatus>('photos.status', {});
    expect(status).toMatchObject({ state: 'idle', settings: { enabled: true, capMb: 500 }, lastFailure: { url: urls[3] } });
    // Beside the catalog, named by hash: no URL or path in any file name.
    const photoDir = join(dir, 'catalog.sqlite.photos');
    expect(readdirSync(photoDir).filter((name) => /^[0-9a-f]{2}$/.test(name)).length).toBeGreaterThan(0);

    const thumb = await get(photoPath(urls[0]!, 'thumb'));
    expect(thumb.status).toBe(200);
    expect(thumb.type).toBe('image/webp');
    expect(await sharp(thumb.body).metadata()).toMatchObject({ format: 'webp', width: 96, height: 96 });
    const view = await get(photoPath(urls[2]!, 'view'));
    expect(await sharp(view.body).metadata()).toMatchObject({ width: 640, height: 480 });
  });

  it('refuses photo requests without the token, and answers 404 for what it has no copy of', async () => {
    expect((await get(photoPath(urls[0]!, 'thumb', null))).status).toBe(401);
    expect((await get(photoPath(urls[0]!, 'thumb', 'wrong'))).status).toBe(401);
    expect((await get(photoPath(urls[3]!, 'thumb'))).status).toBe(404);
    expect((await get(`/photos/huge?u=${encodeURIComponent(urls[0]!)}&t=${host.token}`)).status).toBe(404);
    expect((await get(`/photos/thumb?u=${encodeURIComponent('file:///etc/passwd')}&t=${host.token}`)).status).toBe(404);
    expect((await get(`/photos/../../catalog.sqlite?t=${host.token}`)).status).toBe(404);
  });

  it('serves copies offline: the photo server is gone, the photos are still there', async () => {
    await server.close();
    expect((await get(photoPath(urls[1]!, 'thumb'))).status).toBe(200);
  });

  it('the setting turns downloads off and is stored in the catalog', async () => {
    const off = await call<PhotoStatus>('photos.configure', { enabled: false });
    expect(off).toMatchObject({ state: 'off', settings: { enabled: false, capMb: 500 } });
    await expect(call('photos.configure', { capMb: 1 })).rejects.toThrow(/invalid_input/);
    expect(await call('photos.settings', {})).toEqual({ enabled: false, capMb: 500 });
    // Copies already made are still shown.
    expect((await get(photoPath(urls[0]!, 'thumb'))).status).toBe(200);
  });

  it('exports still write the marketplace addresses, never local paths', async () => {
    const catalog = openCatalog(join(dir, 'catalog.sqlite'), { role: 'reader' });
    const outPath = join(dir, 'export.csv');
    await exportListings(catalog, { format: 'shopify', scope: { kind: 'all' }, outPath });
    catalog.close();
    const text = readFileSync(outPath, 'utf8');
    for (const url of urls) expect(text).toContain(url);
    expect(text).not.toContain('.photos');
    expect(text).not.toContain('/photos/');
  });
});
