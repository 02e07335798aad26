/**
 * The seller's photo cache choices, kept in the catalog's `settings` table beside the AI settings
 * (they travel with the catalog and its backups).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { readSetting, writeSetting } from '../catalog/settings.js';
import { DEFAULT_PHOTO_SETTINGS, MAX_PHOTO_CAP_MB, MIN_PHOTO_CAP_MB, type PhotoSettings } from '../../common/photo-types.js';

const SETTINGS_KEY = 'photos.settings';

export function readPhotoSettings(db: BetterSqlite3.Database): PhotoSettings {
  const stored = readSetting(db, SETTINGS_KEY);
  if (stored === undefined) return { ...DEFAULT_PHOTO_SETTINGS };
  try {
    const value = JSON.parse(stored) as Partial<PhotoSettings>;
    const capMb = typeof value.capMb === 'number' && Number.isInteger(value.capMb) ? Math.min(MAX_PHOTO_CAP_MB, Math.max(MIN_PHOTO_CAP_MB, value.capMb)) : DEFAULT_PHOTO_SETTINGS.capMb;
    return { enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_PHOTO_SETTINGS.enabled, capMb };
  } catch {
    return { ...DEFAULT_PHOTO_SETTINGS };
  }
}

export function writePhotoSettings(db: BetterSqlite3.Database, settings: PhotoSettings): PhotoSettings {
  writeSetting(db, SETTINGS_KEY, settings);
  return settings;
}
