/**
 * Why an editing control is disabled while the connection to the core is lost (store `offline`):
 * the control's title says it, so the seller is not left with a "Not saved" after typing.
 */
export const OFFLINE_REASON = 'The connection to your catalog is lost: editing is paused until it is back (Listsmith reconnects by itself).';
