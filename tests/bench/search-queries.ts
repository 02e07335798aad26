/** Rare, common and very common terms, prefixes and two-word queries (bench.ts, search-probe.ts). */
export const SEARCH_QUERIES: readonly string[] = ['silver', 'vintage', 'ring', 'handmade', 'shirt', 'ceramic mug', 'sterling silver', 'gift', 'leath', 'boho wall art', 'usb', 'zzqx', 'linen', 'pearl earrings', 'print'];
