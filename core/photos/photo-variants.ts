/**
 * The two copies kept of each photo, made with sharp (libvips): a square thumbnail for the grid's
 * photo column (96 px: sharp at 2× for its 40 px cell) and a view copy for the detail pane (at most
 * 640 px, aspect kept). WebP: a fraction of a JPEG's size at the same quality.
 */
import type { Sharp, SharpOptions } from 'sharp';
import type { PhotoSize } from '../../common/photo-types.js';
import { PhotoDownloadError } from './photo-download.js';

type SharpFactory = (input: Buffer, options: SharpOptions) => Sharp;
let loaded: Promise<SharpFactory> | null = null;

/** sharp (and libvips, ~80 ms) loads on the first photo, not when the app starts. */
function loadSharp(): Promise<SharpFactory> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    // Two cores are shared with the app's own threads: one libvips thread per image is plenty.
    sharp.concurrency(1);
    return sharp;
  });
  return loaded;
}

export const THUMB_PX = 96;
export const VIEW_PX = 640;
/** Decompression-bomb guard: more pixels than this is refused (a 40 MP camera photo still passes). */
const MAX_INPUT_PIXELS = 50_000_000;

export async function makePhotoVariants(bytes: Buffer): Promise<Record<PhotoSize, Buffer>> {
  const sharp = await loadSharp();
  try {
    // failOn 'error': a truncated or corrupt file is refused instead of half-decoded into grey.
    const source = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS }).rotate();
    const [thumb, view] = await Promise.all([
      source.clone().resize(THUMB_PX, THUMB_PX, { fit: 'cover', position: 'attention' }).webp({ quality: 70 }).toBuffer(),
      source.clone().resize(VIEW_PX, VIEW_PX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 78 }).toBuffer(),
    ]);
    return { thumb, view };
  } catch (error) {
    throw new PhotoDownloadError('final', `Not a readable image (${(error as Error).message.split('\n')[0]}).`);
  }
}
