import { PHOTOS_PATH, type PhotoSize } from '../../../common/photo-types.js';
import { pageToken } from './token.js';

/**
 * The address of a listing photo's local copy on the page's own origin (`app://listsmith` in
 * Electron, the loopback host on the web, which also wants the page's token: an <img> cannot send
 * headers). The page names the photo by its marketplace URL and never learns where the file is.
 */
export function photoSrc(url: string, size: PhotoSize): string {
  const token = pageToken();
  return `${PHOTOS_PATH}/${size}?u=${encodeURIComponent(url)}${token === null ? '' : `&t=${encodeURIComponent(token)}`}`;
}
