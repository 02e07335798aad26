/**
 * The seller's AI choices, kept in the catalog's `settings` table (they travel with the catalog and
 * its backups; the key never does: it lives in the secret store).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { readSetting, writeSetting } from '../catalog/settings.js';
import { AI_TIERS, DEFAULT_AI_MODEL, type AiTier } from './ai-tiers.js';

export interface AiConfig {
  tier: AiTier;
  model: string;
}

const CONFIG_KEY = 'ai.config';
const USAGE_KEY = 'ai.usage';

export function readAiConfig(db: BetterSqlite3.Database): AiConfig {
  const fallback: AiConfig = { tier: 'free', model: DEFAULT_AI_MODEL };
  const stored = readSetting(db, CONFIG_KEY);
  if (stored === undefined) return fallback;
  try {
    const value = JSON.parse(stored) as Partial<AiConfig>;
    return {
      tier: AI_TIERS.includes(value.tier as AiTier) ? (value.tier as AiTier) : fallback.tier,
      model: typeof value.model === 'string' && value.model.length > 0 ? value.model : fallback.model,
    };
  } catch {
    return fallback;
  }
}

export function writeAiConfig(db: BetterSqlite3.Database, config: AiConfig): void {
  writeSetting(db, CONFIG_KEY, config);
}

/** Requests and tokens sent today (local date), for the settings screen. */
export interface AiUsage {
  day: string;
  requests: number;
  tokens: number;
}

export function today(now = Date.now()): string {
  const date = new Date(now);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function readAiUsage(db: BetterSqlite3.Database, now = Date.now()): AiUsage {
  const stored = readSetting(db, USAGE_KEY);
  const day = today(now);
  if (stored !== undefined) {
    try {
      const value = JSON.parse(stored) as Partial<AiUsage>;
      if (value.day === day && Number.isFinite(value.requests) && Number.isFinite(value.tokens)) return { day, requests: value.requests!, tokens: value.tokens! };
    } catch {
      // a damaged value starts the day at zero
    }
  }
  return { day, requests: 0, tokens: 0 };
}

export function writeAiUsage(db: BetterSqlite3.Database, usage: AiUsage): void {
  writeSetting(db, USAGE_KEY, usage);
}
