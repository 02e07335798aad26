import { z } from 'zod';

/**
 * The local photo cache (issue 17 item 2): listing photos downloaded in the background, kept as
 * small WebP copies beside the catalog, so the grid and the detail pane show them offline.
 */

/** The seller's choices, stored in the catalog's `settings` table like the AI settings. */
export interface PhotoSettings {
  /** Download listing photos in the background. Off: nothing is downloaded; copies already made are still shown. */
  enabled: boolean;
  /** Total size the copies may take on disk, in MB; downloading stops at the cap. */
  capMb: number;
}

export const DEFAULT_PHOTO_SETTINGS: PhotoSettings = { enabled: true, capMb: 500 };
export const MIN_PHOTO_CAP_MB = 10;
export const MAX_PHOTO_CAP_MB = 100_000;

export const photoConfigureSchema = z
  .object({
    enabled: z.boolean().optional(),
    capMb: z.number().int().min(MIN_PHOTO_CAP_MB).max(MAX_PHOTO_CAP_MB).optional(),
  })
  .strict();

/** What the cache is doing, for the photo column's panel. */
export interface PhotoStatus {
  settings: PhotoSettings;
  /** `offline`: the last downloads failed to reach the network; retried later. `full`: the cap is reached. */
  state: 'off' | 'idle' | 'downloading' | 'offline' | 'full';
  /** Photos with a local copy. */
  cached: number;
  usedBytes: number;
  /** Waiting or being downloaded now. */
  queued: number;
  /** Given up on (not found, not an image, too large); with the last reason. */
  failed: number;
  lastFailure: { url: string; reason: string } | null;
}

/** One page of the catalog's photo addresses, for the background sweep (listing id order). */
export interface PhotoSourcePage {
  urls: string[];
  /** Pass as `afterId` for the next page; null at the end of the catalog. */
  nextAfterId: number | null;
}

/** The two sizes kept per photo: the grid's thumbnail and the detail pane's view. */
export const PHOTO_SIZES = ['thumb', 'view'] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];

/** Path both hosts serve local copies on (`app://listsmith/photos/…`, `http://127.0.0.1:…/photos/…`). */
export const PHOTOS_PATH = '/photos';
