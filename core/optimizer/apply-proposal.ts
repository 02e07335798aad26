/** Applies a proposal's field values to a listing (a copy): what "accept" means for each field. */
import type { FieldProposal, OptimizedField, OptimizerInput } from './proposal.js';

/** `listing` with the proposed values of `accepted` fields (default: every field of the proposal). */
export function applyProposal<T extends OptimizerInput>(listing: T, proposal: { fields: readonly FieldProposal[] }, accepted?: ReadonlySet<OptimizedField>): T {
  const out: T = { ...listing };
  for (const field of proposal.fields) {
    if (accepted !== undefined && !accepted.has(field.field)) continue;
    switch (field.field) {
      case 'title':
        out.title = field.after as string;
        break;
      case 'description':
        out.description = field.after as string;
        break;
      case 'tags':
        out.tags = [...(field.after as readonly string[])];
        break;
      case 'price':
        out.priceMinor = field.after as number | null;
        break;
    }
  }
  return out;
}
