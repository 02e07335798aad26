import { z } from 'zod';

/**
 * eBay sites an upload file can target. A Seller Hub / File Exchange file names its site once, in
 * the Action header — `Action(SiteID=UK|Country=GB|Currency=GBP|…)` — and every price in it is in
 * that site's currency, so listings of different sites go to different files. `siteId` is the
 * name File Exchange uses in that header, `number` the numeric site id reports print (`Site
 * Listed` 0 = US, 100 = eBay Motors…).
 */
export interface EbaySite {
  code: EbaySiteCode;
  label: string;
  siteId: string;
  number: number;
  country: string;
  currency: string;
}

export const EBAY_SITE_CODES = ['US', 'MOTORS', 'UK', 'DE', 'AU', 'CA', 'CAFR', 'FR', 'IT', 'ES', 'AT', 'BEFR', 'BENL', 'NL', 'IE', 'CH', 'PL'] as const;
export const ebaySiteCodeSchema = z.enum(EBAY_SITE_CODES);
export type EbaySiteCode = z.infer<typeof ebaySiteCodeSchema>;

export const EBAY_SITES: Readonly<Record<EbaySiteCode, EbaySite>> = {
  US: { code: 'US', label: 'eBay US', siteId: 'US', number: 0, country: 'US', currency: 'USD' },
  MOTORS: { code: 'MOTORS', label: 'eBay Motors', siteId: 'eBayMotors', number: 100, country: 'US', currency: 'USD' },
  UK: { code: 'UK', label: 'eBay UK', siteId: 'UK', number: 3, country: 'GB', currency: 'GBP' },
  DE: { code: 'DE', label: 'eBay Germany', siteId: 'Germany', number: 77, country: 'DE', currency: 'EUR' },
  AU: { code: 'AU', label: 'eBay Australia', siteId: 'Australia', number: 15, country: 'AU', currency: 'AUD' },
  CA: { code: 'CA', label: 'eBay Canada', siteId: 'Canada', number: 2, country: 'CA', currency: 'CAD' },
  CAFR: { code: 'CAFR', label: 'eBay Canada (French)', siteId: 'CanadaFrench', number: 210, country: 'CA', currency: 'CAD' },
  FR: { code: 'FR', label: 'eBay France', siteId: 'France', number: 71, country: 'FR', currency: 'EUR' },
  IT: { code: 'IT', label: 'eBay Italy', siteId: 'Italy', number: 101, country: 'IT', currency: 'EUR' },
  ES: { code: 'ES', label: 'eBay Spain', siteId: 'Spain', number: 186, country: 'ES', currency: 'EUR' },
  AT: { code: 'AT', label: 'eBay Austria', siteId: 'Austria', number: 16, country: 'AT', currency: 'EUR' },
  BEFR: { code: 'BEFR', label: 'eBay Belgium (French)', siteId: 'Belgium_French', number: 23, country: 'BE', currency: 'EUR' },
  BENL: { code: 'BENL', label: 'eBay Belgium (Dutch)', siteId: 'Belgium_Dutch', number: 123, country: 'BE', currency: 'EUR' },
  NL: { code: 'NL', label: 'eBay Netherlands', siteId: 'Netherlands', number: 146, country: 'NL', currency: 'EUR' },
  IE: { code: 'IE', label: 'eBay Ireland', siteId: 'Ireland', number: 205, country: 'IE', currency: 'EUR' },
  CH: { code: 'CH', label: 'eBay Switzerland', siteId: 'Switzerland', number: 193, country: 'CH', currency: 'CHF' },
  PL: { code: 'PL', label: 'eBay Poland', siteId: 'Poland', number: 212, country: 'PL', currency: 'PLN' },
};

/** Sites that take euros: a EUR listing that does not say its site goes to the one the seller picks. */
export const EBAY_EURO_SITES: readonly EbaySiteCode[] = EBAY_SITE_CODES.filter((code) => EBAY_SITES[code].currency === 'EUR');

/** Where EUR listings without a site of their own go unless the seller picks another. */
export const DEFAULT_EBAY_EURO_SITE: EbaySiteCode = 'DE';

/** The one site of each non-euro currency eBay lists in. */
export const EBAY_SITE_BY_CURRENCY: Readonly<Record<string, EbaySiteCode>> = { USD: 'US', GBP: 'UK', AUD: 'AU', CAD: 'CA', CHF: 'CH', PLN: 'PL' };

const squash = (text: string): string => text.toLowerCase().replace(/[\s_.-]+/g, '');

const BY_NAME = new Map<string, EbaySiteCode>();
for (const site of Object.values(EBAY_SITES)) {
  for (const name of [site.code, site.siteId, site.label, String(site.number)]) BY_NAME.set(squash(name), site.code);
}
// Names reports print besides the File Exchange ones.
for (const [name, code] of [['ebay.com', 'US'], ['ebay.co.uk', 'UK'], ['gb', 'UK'], ['unitedkingdom', 'UK'], ['ebay.de', 'DE'], ['deutschland', 'DE'], ['ebay.com.au', 'AU'], ['ebay.ca', 'CA'], ['ebay.fr', 'FR'], ['ebay.it', 'IT'], ['ebay.es', 'ES'], ['ebaymotors', 'MOTORS'], ['motors', 'MOTORS']] as const) {
  BY_NAME.set(squash(name), code);
}

/** A site from what a file wrote for it (`UK`, `Germany`, `eBay Motors`, `77`, `ebay.de`…), or null. */
export function ebaySiteByName(text: string): EbaySiteCode | null {
  const key = squash(text);
  return key === '' ? null : (BY_NAME.get(key) ?? null);
}

/** `Action(SiteID=UK|Country=GB|Currency=GBP|Version=1193|CC=UTF-8)` for a site. */
export function ebayActionHeader(code: EbaySiteCode): string {
  const site = EBAY_SITES[code];
  return `Action(SiteID=${site.siteId}|Country=${site.country}|Currency=${site.currency}|Version=1193|CC=UTF-8)`;
}
