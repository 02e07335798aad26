import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_PROTOCOL, type WsServerMessage } from '../../common/bridge.js';
import { MAX_INPUT_BYTES } from '../../common/contract.js';
import { fail, toErrorData } from '../../common/result.js';
import type { CoreApi } from '../../core/host/core-api.js';
import { webCsp } from '../../core/host/csp.js';
import { mimeType, resolveStaticPath } from '../../core/host/static-path.js';
import {
  FILE_NAME_HEADER,
  FILE_TOKEN_HEADER,
  FILES_PATH,
  decodeFileNameHeader,
  fileIdFromPath,
  openDownload,
  stageUpload,
} from '../../core/host/file-transfer.js';
import { allowedHosts, checkUpgrade, hostAllowed, tokensEqual } from './upgrade-auth.js';
import { PHOTOS_PATH } from '../../common/photo-types.js';
import { answerPhotoRequest, parsePhotoRequest } from '../../core/photos/photo-request.js';

export interface WebHostOptions {
  core: CoreApi;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a fresh random one per launch otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Hard cap on one WebSocket frame; calls between MAX_INPUT_BYTES and this get a readable error. */
const MAX_FRAME_BYTES = 4 * MAX_INPUT_BYTES;

/**
 * The loopback transport of the contract for `npm run web`: serves the built renderer and speaks
 * the same envelopes as Electron IPC over a WebSocket, on 127.0.0.1 only, behind a per-launch
 * token and Host/Origin checks.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const sockets = new Set<WebSocket>();
  let port = 0;

  const server = createServer((request, response) => void serveStatic(request, response));
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  async function serveStatic(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (!hostAllowed(request.headers.host, port)) return end(response, 403, 'Forbidden host');
    // The raw path, not a parsed URL: parsing would quietly resolve `..` and `%2e%2e` first.
    const rawPath = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (rawPath === FILES_PATH || rawPath.startsWith(`${FILES_PATH}/`)) return serveFiles(request, response, rawPath);
    if (rawPath.startsWith(`${PHOTOS_PATH}/`)) return servePhoto(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return end(response, 405, 'Method not allowed');
    const file = resolveStaticPath(options.rendererDir, rawPath);
    if (!file) return end(response, 404, 'Not found');
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Security-Policy': webCsp(port),
        'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=31536000, immutable',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      end(response, 404, 'Not found');
    }
  }

  /**
   * `GET /photos/<size>?u=<photo URL>&t=<token>`: a listing photo's local copy. An <img> cannot send
   * headers, so the token rides in the query (loopback only; Referrer-Policy no-referrer).
   */
  async function servePhoto(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return end(response, 405, 'Method not allowed');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const presented = url.searchParams.get('t');
    if (presented === null || !tokensEqual(presented, token)) return end(response, 401, 'Missing or wrong access token; reopen the address printed by npm run web.');
    const answer = await answerPhotoRequest(parsePhotoRequest(request.url ?? '/'), (photoUrl, size) => options.core.photoFile(photoUrl, size));
    response.writeHead(answer.status, answer.headers);
    response.end(request.method === 'HEAD' ? undefined : answer.body);
  }

  /** `POST /files` stages an upload, `GET /files/<id>` downloads an export: token and Origin required. */
  async function serveFiles(request: IncomingMessage, response: ServerResponse, rawPath: string): Promise<void> {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`)) return fileError(response, 403, 'unauthorized', 'Foreign origin.');
    const presented = request.headers[FILE_TOKEN_HEADER];
    if (typeof presented !== 'string' || !tokensEqual(presented, token)) return fileError(response, 401, 'unauthorized', 'Missing or wrong access token; reopen the address printed by npm run web.');
    try {
      if (request.method === 'POST' && rawPath === FILES_PATH) {
        const name = decodeFileNameHeader(request.headers[FILE_NAME_HEADER] as string | undefined);
        const file = await stageUpload(options.core.stagingDir, name, request);
        response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ fileId: file.fileId, name: file.name, sizeBytes: file.sizeBytes }));
        return;
      }
      const fileId = fileIdFromPath(rawPath);
      if ((request.method === 'GET' || request.method === 'HEAD') && fileId) {
        const download = openDownload(options.core.stagingDir, fileId);
        response.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(download.file.sizeBytes),
          'Content-Disposition': download.contentDisposition,
          'Cache-Control': 'no-store',
        });
        if (request.method === 'HEAD') {
          download.stream.destroy();
          response.end();
        } else {
          download.stream.pipe(response);
        }
        return;
      }
      fileError(response, 404, 'not_found', 'Not found.');
    } catch (error) {
      const data = toErrorData(error);
      fileError(response, data.code === 'not_found' ? 404 : data.code === 'payload_too_large' ? 413 : data.code === 'invalid_input' ? 400 : 500, data.code, data.message);
    }
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkUpgrade(
      {
        path: new URL(request.url ?? '/', 'http://127.0.0.1').pathname,
        host: request.headers.host,
        origin: request.headers.origin,
        protocols: request.headers['sec-websocket-protocol'],
      },
      { port, token },
    );
    if (!verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // Protocol errors (oversized or malformed frames) close that socket; they must never
      // become an uncaught exception that takes the host down.
      ws.on('error', (error) => console.warn(`web transport: closed a connection: ${error.message}`));
      // An unexpected throw must cost one answer, never the whole host (an unhandled rejection exits).
      ws.on('message', (data, isBinary) => void onMessage(ws, data, isBinary).catch((error: unknown) => console.error('web transport: a call failed unexpectedly:', error)));
    });
  });

  async function onMessage(ws: WebSocket, data: unknown, isBinary: boolean): Promise<void> {
    let message: unknown;
    try {
      if (isBinary) throw new Error('binary');
      message = JSON.parse(String(data));
    } catch {
      return send(ws, { type: 'result', id: 0, envelope: fail('invalid_input', 'The request was not valid JSON. Nothing was changed.') });
    }
    // `null` is valid JSON: read fields only off a real object (a throw here would end the host).
    const call = (typeof message === 'object' && message !== null ? message : {}) as { type?: unknown; id?: unknown; method?: unknown; input?: unknown };
    const id = typeof call.id === 'number' && Number.isSafeInteger(call.id) ? call.id : 0;
    if (typeof message !== 'object' || message === null || call.type !== 'call' || id === 0) {
      return send(ws, { type: 'result', id, envelope: fail('invalid_input', 'The request did not have the shape {type:"call", id, method, input}. Nothing was changed.') });
    }
    const envelope = await options.core.dispatch(call.method as string, call.input);
    send(ws, { type: 'result', id, envelope });
  }

  const unsubscribe = options.core.onEvent((event, payload) => {
    for (const ws of sockets) send(ws, { type: 'event', event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function fileError(response: ServerResponse, status: number, code: string, message: string): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error: { code, message } }));
}

function send(ws: WebSocket, message: WsServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function end(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
