/**
 * `/photos/<size>?u=<photo URL>` as both hosts serve it (Electron's app:// handler and the web
 * host): the page names a photo by its marketplace address, the host answers with the local copy's
 * bytes. The page never sees a file path, and nothing but the cache's own files can be read: the
 * path is made from the URL's hash, never from the request.
 */
import { readFile } from 'node:fs/promises';
import { PHOTO_SIZES, PHOTOS_PATH, type PhotoSize } from '../../common/photo-types.js';

export interface PhotoRequest {
  size: PhotoSize;
  url: string;
}

/** The request's size and photo URL, or null when the path or address is not one we serve. */
export function parsePhotoRequest(pathAndQuery: string): PhotoRequest | null {
  let parsed: URL;
  try {
    parsed = new URL(pathAndQuery, 'http://listsmith.invalid');
  } catch {
    return null;
  }
  const size = parsed.pathname.startsWith(`${PHOTOS_PATH}/`) ? parsed.pathname.slice(PHOTOS_PATH.length + 1) : '';
  if (!(PHOTO_SIZES as readonly string[]).includes(size)) return null;
  const url = parsed.searchParams.get('u');
  if (url === null || url.length > 4_000 || !/^https?:\/\//i.test(url)) return null;
  return { size: size as PhotoSize, url };
}

export interface PhotoResponse {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Buffer | string;
}

/**
 * The answer to a photo request: the WebP copy (cacheable by the page for a day: a photo's address
 * names its content), or 404 (not cached, not downloadable now; not cached by the page, so it asks
 * again later and gets the copy once the background download made it).
 */
export async function answerPhotoRequest(request: PhotoRequest | null, photoFile: (url: string, size: PhotoSize) => Promise<string | null>): Promise<PhotoResponse> {
  const missing: PhotoResponse = { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, body: 'No local copy of this photo yet.' };
  if (request === null) return missing;
  const path = await photoFile(request.url, request.size);
  if (path === null) return missing;
  try {
    const body = await readFile(path);
    return { status: 200, headers: { 'Content-Type': 'image/webp', 'Content-Length': String(body.byteLength), 'Cache-Control': 'private, max-age=86400' }, body };
  } catch {
    return missing;
  }
}
