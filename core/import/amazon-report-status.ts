import type { ListingStatus } from '../../common/listing.js';
import { normaliseStatus } from './values.js';

/**
 * The All Listings report's `status` (Active, Inactive, Incomplete; ステータス on amazon.co.jp),
 * read the same way by the report reader and the flat-file reader (a flat file Listsmith wrote
 * for report listings carries it back), and written back by the flat-file export.
 */

/** The report's status column. */
export const REPORT_STATUS = ['status', 'ステータス'];

/** The status a report word gives (a word Listsmith does not know: Active), and the word kept when it says more than the status. */
export function reportStatus(word: string): { status: ListingStatus; kept?: string } {
  const status = normaliseStatus(word) ?? 'active';
  return word !== '' && word.toLowerCase() !== status ? { status, kept: word } : { status };
}
