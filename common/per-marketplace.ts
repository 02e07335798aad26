import type { Marketplace } from './listing.js';

/**
 * `build` run once per marketplace, on first use, and kept. What a marketplace's rule table implies
 * (an optimizer policy, an index of its rules) is asked for per listing, and the tables are fixed.
 */
export function perMarketplace<T>(build: (marketplace: Marketplace) => T): (marketplace: Marketplace) => T {
  const built = new Map<Marketplace, T>();
  return (marketplace) => {
    let value = built.get(marketplace);
    if (value === undefined && !built.has(marketplace)) {
      value = build(marketplace);
      built.set(marketplace, value);
    }
    return value as T;
  };
}
