import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerMessage } from '../../../common/bridge.js';
import type { CatalogStats } from '../../../common/contract.js';
import type { Envelope } from '../../../common/result.js';
import type { CoreApi } from '../../../core/host/core-api.js';
import { createCore } from '../../../core/host/create-core.js';
import { startWebHost, type WebHost } from '../../../main/web/start-web-host.js';
import { builtRendererDir, builtWorkerFile, tempDir } from '../paths.js';

/** The whole web transport against a real catalog: the same path the UI and the bench take. */
let core: CoreApi;
let host: WebHost;
let cleanup: () => void;

function connect(options: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, ['listsmith.v1', `token.${options.token ?? host.token}`], {
    origin: options.origin ?? `http://127.0.0.1:${host.port}`,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function get(path: string, hostHeader?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: host.port, path, headers: hostHeader ? { host: hostHeader } : {} }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    request.on('error', reject);
    request.end();
  });
}

let nextId = 1;
function call(ws: WebSocket, method: string, input: unknown): Promise<Envelope<unknown>> {
  const id = nextId++;
  return rawCall(ws, JSON.stringify({ type: 'call', id, method, input }), id);
}

function rawCall(ws: WebSocket, text: string, id: number): Promise<Envelope<unknown>> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as WsServerMessage;
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.envelope);
      }
    };
    ws.on('message', onMessage);
    ws.once('close', (code) => reject(new Error(`closed ${code}`)));
    ws.send(text);
  });
}

async function stats(ws: WebSocket): Promise<CatalogStats> {
  const envelope = await call(ws, 'catalog.stats', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as CatalogStats;
}

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  core = await createCore({ databasePath: join(temp.dir, 'catalog.sqlite'), appVersion: '0.0.0-test', transport: 'web', workerFile: builtWorkerFile, readers: 2 });
  host = await startWebHost({ core, rendererDir: builtRendererDir });
});

afterAll(async () => {
  await host?.close();
  await core?.close();
  cleanup?.();
});

describe('web transport', () => {
  it('runs contract calls end to end and pushes events', async () => {
    const ws = await connect();
    const events: string[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as WsServerMessage;
      if (message.type === 'event') events.push(message.event);
    });
    const info = await call(ws, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'web', version: '0.0.0-test' } });
    const generated = await call(ws, 'demo.generate', { count: 300, seed: 7 });
    expect(generated).toEqual({ ok: true, value: { inserted: 300 } });
    expect((await stats(ws)).listings).toBe(300);
    expect(events).toContain('catalog.changed');

    const view = await call(ws, 'grid.open', { sort: { column: 'price', direction: 'asc' }, filter: {} });
    if (!view.ok) throw new Error(view.error.message);
    const { viewId, total } = view.value as { viewId: string; total: number };
    expect(total).toBe(300);
    const page = await call(ws, 'grid.rows', { viewId, offset: 250, limit: 100 });
    if (!page.ok) throw new Error(page.error.message);
    const rows = (page.value as { rows: { priceMinor: number | null }[] }).rows;
    expect(rows).toHaveLength(50);
    const prices = rows.map((r) => r.priceMinor ?? -1);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
    ws.close();
  });

  it('answers bad input with a clear error and changes nothing', async () => {
    const ws = await connect();
    const before = await stats(ws);
    const cases: [string, unknown, string][] = [
      ['demo.generate', { count: '5' }, 'invalid_input'],
      ['demo.generate', { count: 5, extra: 'x' }, 'invalid_input'],
      ['listing.get', { id: -3 }, 'invalid_input'],
      ['catalog.wipe', {}, 'unknown_method'],
      ['grid.rows', { viewId: 'nope', offset: 0, limit: 1 }, 'not_found'],
      ['grid.open', { sort: { column: 'title', direction: 'asc' }, filter: {}, search: 'x'.repeat(1_200_000) }, 'payload_too_large'],
    ];
    for (const [method, input, code] of cases) {
      const envelope = await call(ws, method, input);
      expect(envelope.ok, method).toBe(false);
      expect(!envelope.ok && envelope.error.code, method).toBe(code);
      expect(!envelope.ok && envelope.error.message.length, method).toBeGreaterThan(20);
    }
    const notJson = await rawCall(ws, '{not json', 0);
    expect(!notJson.ok && notJson.error.code).toBe('invalid_input');
    const wrongShape = await rawCall(ws, JSON.stringify({ type: 'call', id: 99, input: {} }), 99);
    expect(!wrongShape.ok && wrongShape.error.code).toBe('unknown_method');
    expect(await stats(ws)).toEqual(before);
    ws.close();
  });

  it('closes the socket on a frame over the hard limit, and keeps serving others', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(5_000_000));
    expect(await closed).toBe(1009);
    const other = await connect();
    expect((await call(other, 'app.info', {})).ok).toBe(true);
    other.close();
  });

  it.each([
    ['a missing token', { token: '' }],
    ['a wrong token', { token: 'f'.repeat(64) }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
  ])('refuses a connection with %s', async (_, options) => {
    await expect(connect(options)).rejects.toThrow(/HTTP 40[13]/);
  });

  it('serves only the renderer, with a CSP header, and refuses foreign Host headers', async () => {
    const traversal = await get('/..%2f..%2fpackage.json');
    expect(traversal.status).toBe(404);
    const rebinding = await get('/', 'evil.example');
    expect(rebinding.status).toBe(403);
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
  });

  it('stages uploads and serves downloads only with the token', async () => {
    const base = `http://127.0.0.1:${host.port}`;
    const body = 'Handle,Title\nmug,Blue Mug\n';
    const noToken = await fetch(`${base}/files`, { method: 'POST', body, headers: { 'X-File-Name': 'a.csv' } });
    expect(noToken.status).toBe(401);
    const wrongOrigin = await fetch(`${base}/files`, { method: 'POST', body, headers: { 'X-File-Name': 'a.csv', 'X-Listsmith-Token': host.token, Origin: 'http://evil.example' } });
    expect(wrongOrigin.status).toBe(403);

    const staged = await fetch(`${base}/files`, {
      method: 'POST',
      body,
      headers: { 'X-File-Name': encodeURIComponent('../../Café listings.csv'), 'X-Listsmith-Token': host.token },
    });
    expect(staged.status).toBe(200);
    const { fileId, name, sizeBytes } = (await staged.json()) as { fileId: string; name: string; sizeBytes: number };
    expect(fileId).toMatch(/^[a-f0-9]{32}$/);
    expect(name).toBe('Café listings.csv');
    expect(sizeBytes).toBe(Buffer.byteLength(body));

    const download = await fetch(`${base}/files/${fileId}`, { headers: { 'X-Listsmith-Token': host.token } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(body);
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''Caf%C3%A9%20listings.csv");
    expect((await fetch(`${base}/files/${fileId}`)).status).toBe(401);
    expect((await fetch(`${base}/files/${'0'.repeat(32)}`, { headers: { 'X-Listsmith-Token': host.token } })).status).toBe(404);
    expect((await fetch(`${base}/files/..%2f..%2fcatalog.sqlite`, { headers: { 'X-Listsmith-Token': host.token } })).status).toBe(404);
  });
});
