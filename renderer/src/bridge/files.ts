import { pageToken } from './token.js';

/**
 * Files between the renderer and the core. The renderer never sees paths: a file the user picks or
 * drops is POSTed to `/files` on the page's own origin (the web host, or `app://listsmith` in
 * Electron) and the core answers with a `fileId` that contract calls refer to; an export is fetched
 * back from `/files/<fileId>`. In web mode both carry the page's access token.
 */

export const FILES_PATH = '/files';

export interface StagedFile {
  fileId: string;
  name: string;
  sizeBytes: number;
}

export class FileTransferError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileTransferError';
  }
}

export interface UploadHandle {
  promise: Promise<StagedFile>;
  abort(): void;
}

function authHeaders(): Record<string, string> {
  const token = pageToken();
  return token === null ? {} : { 'X-Listsmith-Token': token };
}

/** `{error:{code,message}}` or plain text → a readable error. */
function errorFromBody(status: number, text: string): FileTransferError {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (body.error !== undefined && typeof body.error.message === 'string') {
      return new FileTransferError(typeof body.error.code === 'string' ? body.error.code : 'internal', body.error.message);
    }
  } catch {
    // Not JSON: fall through.
  }
  if (status === 401 || status === 403) return new FileTransferError('unauthorized', 'Listsmith refused the file: reopen the address printed by npm run web.');
  if (status === 413) return new FileTransferError('payload_too_large', 'The file is too large to import.');
  if (status === 404) return new FileTransferError('not_found', 'Listsmith could not find that file (it may have been cleaned up). Try again.');
  return new FileTransferError('internal', `The file transfer failed (HTTP ${status}${text.trim() !== '' ? `: ${text.trim().slice(0, 200)}` : ''}).`);
}

function isStagedFile(v: unknown): v is StagedFile {
  const o = v as Partial<StagedFile> | null;
  return typeof o === 'object' && o !== null && typeof o.fileId === 'string' && typeof o.name === 'string' && typeof o.sizeBytes === 'number';
}

/**
 * Uploads a user's file for import. XMLHttpRequest rather than fetch: it reports upload progress
 * (a 1 GB marketplace export takes a while even over loopback).
 */
export function uploadFile(file: Blob & { name?: string }, onProgress?: (loaded: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const name = file.name !== undefined && file.name !== '' ? file.name : 'file';
  const promise = new Promise<StagedFile>((resolve, reject) => {
    xhr.open('POST', FILES_PATH);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(name));
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.responseType = 'text';
    if (onProgress !== undefined) {
      xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    }
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          const body = JSON.parse(xhr.responseText) as unknown;
          if (isStagedFile(body)) return resolve(body);
        } catch {
          // fall through
        }
        return reject(new FileTransferError('internal', 'Listsmith answered the upload with something unexpected. Try again.'));
      }
      reject(errorFromBody(xhr.status, xhr.responseText));
    });
    xhr.addEventListener('error', () => reject(new FileTransferError('disconnected', 'The file could not be sent to Listsmith. Is it still running?')));
    xhr.addEventListener('abort', () => reject(new FileTransferError('cancelled', 'Upload cancelled.')));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}

/** The file name from a Content-Disposition header (RFC 6266 `filename*` first). */
export function fileNameFromDisposition(header: string | null): string | null {
  if (header === null) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star !== null) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // fall through
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name !== undefined && name !== '' ? name : null;
}

/** Hands a Blob to the browser as a download (an `<a download>` click). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the Blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fetches a staged file (an export) and saves it under its name. Returns the name used. */
export async function downloadFile(fileId: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${FILES_PATH}/${encodeURIComponent(fileId)}`, { headers: authHeaders(), cache: 'no-store' });
  } catch {
    throw new FileTransferError('disconnected', 'The exported file could not be fetched from Listsmith. Is it still running?');
  }
  if (!response.ok) throw errorFromBody(response.status, await response.text().catch(() => ''));
  const name = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(await response.blob(), name);
  return name;
}
