import { createHash } from 'node:crypto';

/** A photo's file name in the cache: the SHA-256 of its exact URL (no path or query leaks into names). */
export function photoKey(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}
