import type { ExportFormat } from '../../../common/import-types.js';
import type { ExportTarget } from '../target.js';
import { amazonTarget } from './amazon.js';
import { ebayTarget } from './ebay.js';
import { etsyTarget } from './etsy.js';
import { googleTarget, googleXmlTarget } from './google.js';
import { jsonlTarget } from './jsonl.js';
import { shopifyTarget } from './shopify.js';
import { wooTarget } from './woocommerce.js';

export const EXPORT_TARGETS: Readonly<Record<ExportFormat, ExportTarget>> = {
  shopify: shopifyTarget(false),
  shopify_legacy: shopifyTarget(true),
  etsy: etsyTarget,
  ebay_seller_hub: ebayTarget,
  amazon_flat_file: amazonTarget,
  woocommerce: wooTarget,
  google_merchant: googleTarget,
  google_merchant_xml: googleXmlTarget,
  jsonl: jsonlTarget,
};
