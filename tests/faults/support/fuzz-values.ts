import type { z } from 'zod';
import type { SeededRandom } from '../../../core/catalog/seeded-random.js';

/** Strings that have broken parsers, SQL builders and path handling elsewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  "'; DROP TABLE listings; --",
  '../../../../etc/passwd',
  '%s%n%x',
  '\uD800',
  '🧨'.repeat(50),
  '__proto__',
  'constructor',
  'a'.repeat(70_000),
  '0'.repeat(32),
  'f'.repeat(32),
  'NaN',
  '1e309',
  '<script>alert(1)</script>',
  'catalog-2025-01-01T00-00-00-000Z-manual.sqlite',
];
const NASTY_NUMBERS = [0, -1, 1, 1.5, -0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, Number.MIN_VALUE];
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'id', 'viewId', 'scope', 'edit', 'kind', 'fileId', '', 'x'.repeat(300)];

/** Any JSON value, biased toward the edges (nesting up to `depth`). */
export function randomJson(rng: SeededRandom, depth = 3): unknown {
  const kind = rng.int(0, depth > 0 ? 7 : 4);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.chance(0.5) ? rng.pick(NASTY_NUMBERS) : rng.int(-1_000_000, 1_000_000);
    case 3:
      return rng.pick(NASTY_STRINGS);
    case 4:
      return rng.chance(0.5) ? randomText(rng) : rng.pick(NASTY_STRINGS).slice(0, 40);
    case 5:
    case 6:
      return Array.from({ length: rng.int(0, 4) }, () => randomJson(rng, depth - 1));
    default:
      return Object.fromEntries(Array.from({ length: rng.int(0, 4) }, () => [rng.chance(0.5) ? rng.pick(NASTY_KEYS) : randomText(rng), randomJson(rng, depth - 1)]));
  }
}

function randomText(rng: SeededRandom): string {
  return Array.from({ length: rng.int(0, 24) }, () => String.fromCodePoint(rng.chance(0.8) ? rng.int(32, 126) : rng.int(0, 0x2fff))).join('');
}

/** The top-level keys a method's input object declares (empty when it is not a plain object schema). */
export function schemaKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/**
 * One fuzz payload for a method: a random value, an object with the method's own keys holding
 * random values, or that object with an extra unknown key — near misses reach deeper into the
 * schema than pure noise does.
 */
export function fuzzInput(rng: SeededRandom, keys: readonly string[]): unknown {
  const shape = rng.int(0, 2);
  if (shape === 0 || keys.length === 0) return randomJson(rng);
  const object: Record<string, unknown> = {};
  for (const key of keys) if (rng.chance(0.8)) object[key] = randomJson(rng, 2);
  if (shape === 2) object[rng.chance(0.5) ? rng.pick(NASTY_KEYS) : 'unexpected'] = randomJson(rng, 1);
  return object;
}
