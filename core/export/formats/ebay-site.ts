import { DEFAULT_EBAY_EURO_SITE, EBAY_SITE_BY_CURRENCY, EBAY_SITES, ebaySiteByName, type EbaySiteCode } from '../../../common/ebay-sites.js';
import type { Listing } from '../../../common/listing.js';
import { headerKey } from '../kept-columns.js';
import type { ExportSettings, Refusal } from '../target.js';

/** Kept columns (or attributes, in catalogs imported before kept columns) that name a listing's eBay site. */
const SITE_HEADERS = new Set(['listing site', 'site listed', 'site', 'siteid', 'site id']);
const ACTION_SITE = /^\*?action\s*\(.*\bsiteid=([^|)]+)/i;

/** The site the listing's eBay source file names: its Action header, or a report's `Listing site`. */
export function sourceEbaySite(listing: Listing): EbaySiteCode | null {
  const source = listing.source;
  if (source && (source.dialect === 'ebay_seller_hub' || source.dialect === 'ebay_report')) {
    const fromLayout = source.layout === undefined ? null : ACTION_SITE.exec(`Action(${source.layout})`);
    if (fromLayout) return ebaySiteByName(fromLayout[1]!);
    for (const [header, value] of Object.entries(source.columns)) {
      const action = ACTION_SITE.exec(header);
      if (action) return ebaySiteByName(action[1]!);
      if (SITE_HEADERS.has(headerKey(header))) return ebaySiteByName(value);
    }
  }
  if (listing.marketplace === 'ebay') {
    for (const [name, value] of Object.entries(listing.attributes)) if (SITE_HEADERS.has(headerKey(name))) return ebaySiteByName(value);
  }
  return null;
}

export interface SiteChoice {
  site: EbaySiteCode;
  /** How it was decided: the listing's own source, its currency, or the seller's pick for EUR. */
  by: 'source' | 'currency' | 'euro-choice';
}

/**
 * The site a listing goes to: the one its source names, else the one of its currency — a EUR
 * listing without a site goes to the seller's pick (Germany unless chosen otherwise). Its prices
 * must be in that site's currency.
 */
export function ebaySiteFor(listing: Listing, settings: ExportSettings): SiteChoice | Refusal {
  const own = sourceEbaySite(listing);
  let choice: SiteChoice;
  if (own !== null) choice = { site: own, by: 'source' };
  else if (listing.currency === 'EUR') choice = { site: settings.ebaySite ?? DEFAULT_EBAY_EURO_SITE, by: 'euro-choice' };
  else {
    const site = EBAY_SITE_BY_CURRENCY[listing.currency];
    if (site === undefined) return { ok: false, column: 'Price', reason: `Its price is in ${listing.currency}; no eBay site takes ${listing.currency}.` };
    choice = { site, by: 'currency' };
  }
  const site = EBAY_SITES[choice.site];
  if (listing.priceMinor !== null && listing.currency !== site.currency) {
    return { ok: false, column: 'Price', reason: `Its price is in ${listing.currency}, but it is listed on ${site.label}, which takes ${site.currency}.` };
  }
  return choice;
}
