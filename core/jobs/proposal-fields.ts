import type { EditableField } from '../../common/edit-types.js';
import type { OptimizedField } from '../optimizer/index.js';

/** The listing field an optimizer field writes when accepted (revisions use listing field names). */
export const PROPOSAL_FIELDS: Readonly<Record<OptimizedField, EditableField>> = {
  title: 'title',
  description: 'description',
  tags: 'tags',
  price: 'priceMinor',
};

export function isProposalField(name: string): name is OptimizedField {
  return Object.hasOwn(PROPOSAL_FIELDS, name);
}
