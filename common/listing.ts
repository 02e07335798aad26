import { z } from 'zod';

/** Marketplaces a listing can come from or be exported to. `other` covers generic CSV/JSON. */
export const MARKETPLACES = ['ebay', 'etsy', 'amazon', 'shopify', 'woocommerce', 'google', 'other'] as const;
export const marketplaceSchema = z.enum(MARKETPLACES);
export type Marketplace = z.infer<typeof marketplaceSchema>;

export const MARKETPLACE_LABELS: Record<Marketplace, string> = {
  ebay: 'eBay',
  etsy: 'Etsy',
  amazon: 'Amazon',
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  google: 'Google Merchant',
  other: 'Other',
};

/** Lifecycle of a listing, normalised across marketplaces. */
export const LISTING_STATUSES = ['active', 'draft', 'inactive', 'sold_out', 'archived'] as const;
export const listingStatusSchema = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof listingStatusSchema>;

export const STATUS_LABELS: Record<ListingStatus, string> = {
  active: 'Active',
  draft: 'Draft',
  inactive: 'Inactive',
  sold_out: 'Sold out',
  archived: 'Archived',
};

export interface VariantOption {
  name: string;
  value: string;
}

/** One purchasable variation of a listing (size/colour…), with its own SKU, price and stock. */
export interface Variant {
  id: number;
  sku: string | null;
  options: VariantOption[];
  /** Price in minor units (cents); null means "same as the listing". */
  priceMinor: number | null;
  quantity: number | null;
  image: string | null;
  /**
   * The variant's own source columns Listsmith does not model (Shopify `Variant Grams`, `Cost per
   * item`…), exactly as the file had them: written back when exporting to that format.
   */
  columns?: Record<string, string>;
}

/**
 * The listing fields a source file may have had no column for. A field the file had no column for
 * is *unknown* (never imported), not empty: an export must not write a blank for it, since a blank
 * erases the value on the marketplace. See ListingSource.unknown.
 */
export const SOURCE_FIELDS = ['sku', 'description', 'priceMinor', 'quantity', 'tags', 'materials', 'images', 'category', 'brand', 'condition'] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/**
 * What the file a listing came from held beyond Listsmith's own fields, kept so that nothing the
 * seller had is lost: an export to the listing's own format writes it back (core/export), and the
 * detail pane shows it. Stored in `listing_sources` (migration 007), one row per listing.
 */
export interface ListingSource {
  /** The import format the listing last came from (an ImportDialect). */
  dialect: string;
  /** The format's header generation when it matters for writing it back (Shopify: 'legacy' or 'current'). */
  layout?: string;
  /** Source columns Listsmith does not model: header → value as in the file (non-empty only). */
  columns: Record<string, string>;
  /** Attribute name → the source column it was read from, so an export to that format writes it back there. */
  attributeColumns?: Record<string, string>;
  /** Per image URL: that image's own source columns (Shopify `Image Alt Text`). */
  imageColumns?: Record<string, Record<string, string>>;
  /** Listing fields the file had no column for (unknown, not empty). */
  unknown?: SourceField[];
  /** The status word as the file wrote it (`unlisted`), written back while the listing's status still maps from it. */
  status?: string;
}

/** A marketplace-neutral listing as the catalog stores it. */
export interface Listing {
  id: number;
  marketplace: Marketplace;
  /** The marketplace's own id (Etsy listing_id, eBay item number, Shopify handle…). */
  sourceId: string | null;
  sku: string | null;
  title: string;
  /** Description exactly as given by the source (may contain HTML). */
  description: string;
  /** Price in minor units (cents) of `currency`; null when the source had none. */
  priceMinor: number | null;
  /** ISO 4217 code, upper case. */
  currency: string;
  quantity: number | null;
  tags: string[];
  materials: string[];
  images: string[];
  category: string | null;
  brand: string | null;
  condition: string | null;
  /** Item specifics / attributes: name → value. */
  attributes: Record<string, string>;
  variants: Variant[];
  status: ListingStatus;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Fields whose current text an AI wrote (accepted from an AI proposal and not changed since). */
  aiWritten?: AiWrittenField[];
  /** What the source file held beyond these fields (absent: the listing was not imported, or before migration 007). */
  source?: ListingSource;
}

export type AiWrittenField = 'title' | 'description' | 'tags';
export const AI_FIELD_BITS: Readonly<Record<AiWrittenField, number>> = { title: 1, description: 2, tags: 4 };

export function aiWrittenFromBits(bits: number): AiWrittenField[] {
  return (Object.keys(AI_FIELD_BITS) as AiWrittenField[]).filter((field) => (bits & AI_FIELD_BITS[field]) !== 0);
}

/** The slim projection the grid shows; the detail pane loads the full `Listing`. */
export interface GridRow {
  id: number;
  marketplace: Marketplace;
  sku: string | null;
  title: string;
  priceMinor: number | null;
  currency: string;
  quantity: number | null;
  status: ListingStatus;
  variantCount: number;
  updatedAt: number;
  /** Quality score 0–100 against the listing's marketplace; null until scored. */
  score: number | null;
  /** Failing error-severity rules; null until scored. */
  errors: number | null;
  /** The listing has at least one pending optimizer proposal. */
  pendingProposals: boolean;
  /** Its first image's marketplace URL (the grid's photo column shows the local copy), or null. */
  mainImage: string | null;
}
