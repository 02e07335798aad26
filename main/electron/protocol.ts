/**
 * The `app://listsmith/` origin: renderer files served from out/renderer by a privileged custom
 * scheme instead of file:// (a real origin, fetch support, and a CSP HEADER on every response).
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { toErrorData } from '../../common/result.js';
import { FILE_NAME_HEADER, decodeFileNameHeader, fileIdFromPath, openDownload, stageUpload } from '../../core/host/file-transfer.js';
import { APP_SCHEME, mimeTypeFor, resolveAppUrl } from './resolve-app-url.js';
import { PHOTOS_PATH, type PhotoSize } from '../../common/photo-types.js';
import { answerPhotoRequest, parsePhotoRequest } from '../../core/photos/photo-request.js';

/** Must run BEFORE `app` is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer', // listing photos load from marketplace CDNs: send them nothing
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/** Serves `rendererRoot` on `app://listsmith/` (default session). Call once, after ready. */
export function serveAppProtocol(
  rendererRoot: string,
  csp: string,
  stagingDir: string,
  onError?: (message: string, err: unknown) => void,
  photoFile: (url: string, size: PhotoSize) => Promise<string | null> = async () => null,
): void {
  const notFound = (): Response =>
    new Response('Not found', { status: 404, headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' } });

  protocol.handle(APP_SCHEME, async (request) => {
    // Files the user drops or picks (POST) and finished exports (GET): only our own page can reach
    // app://, so no token is needed here (the web host requires one).
    const path = new URL(request.url).pathname;
    if (path === '/files' || path.startsWith('/files/')) return serveFiles(request, path, stagingDir, csp);
    // Listing photos' local copies (core/photos): only our own page can reach app://.
    if (path.startsWith(`${PHOTOS_PATH}/`) && request.method === 'GET') {
      const url = new URL(request.url);
      const answer = await answerPhotoRequest(parsePhotoRequest(url.pathname + url.search), photoFile);
      return new Response(typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body), { status: answer.status, headers: { ...securityHeaders(csp), ...answer.headers } });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { ...securityHeaders(csp), Allow: 'GET, HEAD' } });
    }
    const file = resolveAppUrl(request.url, rendererRoot);
    if (file === null) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders(csp), 'Content-Type': mimeTypeFor(file), 'Content-Length': String(body.byteLength) },
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') onError?.(`app:// could not read ${file}`, err);
      return notFound();
    }
  });
}

async function serveFiles(request: Request, path: string, stagingDir: string, csp: string): Promise<Response> {
  const json = (status: number, body: unknown): Response =>
    new Response(JSON.stringify(body), { status, headers: { ...securityHeaders(csp), 'Content-Type': 'application/json; charset=utf-8' } });
  try {
    if (request.method === 'POST' && path === '/files' && request.body) {
      const body = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
      const file = await stageUpload(stagingDir, decodeFileNameHeader(request.headers.get(FILE_NAME_HEADER)), body);
      return json(200, { fileId: file.fileId, name: file.name, sizeBytes: file.sizeBytes });
    }
    const fileId = fileIdFromPath(path);
    if (request.method === 'GET' && fileId) {
      const download = openDownload(stagingDir, fileId);
      return new Response(Readable.toWeb(download.stream) as unknown as ReadableStream, {
        status: 200,
        headers: {
          ...securityHeaders(csp),
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(download.file.sizeBytes),
          'Content-Disposition': download.contentDisposition,
        },
      });
    }
    return json(404, { error: { code: 'not_found', message: 'Not found.' } });
  } catch (error) {
    const data = toErrorData(error);
    return json(data.code === 'not_found' ? 404 : data.code === 'payload_too_large' ? 413 : 400, { error: data });
  }
}
