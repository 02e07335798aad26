/**
 * Head nouns of phrases that describe the shop or the order, not the product ("small studio",
 * "business days", "natural light", "handmade piece"): never proposed as tags.
 */
export const BOILERPLATE_NOUNS: ReadonlySet<string> = new Set([
  'item', 'items', 'piece', 'pieces', 'order', 'orders', 'day', 'days', 'business', 'businesses', 'photo', 'photos',
  'picture', 'pictures', 'message', 'messages', 'stock', 'checkout', 'measurement', 'measurements', 'light', 'sunlight',
  'variation', 'variations', 'charm', 'collection', 'batch', 'batches', 'packaging', 'hand', 'hands', 'studio', 'time',
  'use', 'way', 'thing', 'things', 'part', 'parts', 'rest', 'question', 'questions', 'care', 'reply', 'cloth', 'condition',
  'wear', 'age', 'history', 'sale', 'estate', 'description', 'shop', 'store', 'seller', 'buyer', 'shipping', 'delivery',
  'return', 'returns', 'refund', 'price', 'payment', 'thank', 'thanks', 'lot', 'kind', 'one', 'size', 'sizing', 'life',
]);

/** Adjectives of praise or size that make a phrase a poor tag ("wonderful gift", "small batches"). */
export const FLUFF_ADJECTIVES: ReadonlySet<string> = new Set([
  'wonderful', 'perfect', 'thoughtful', 'beautiful', 'beautifully', 'great', 'amazing', 'lovely', 'nice', 'best', 'good',
  'gorgeous', 'stunning', 'awesome', 'fantastic', 'excellent', 'special', 'little', 'small', 'exact', 'true', 'genuine',
  'hard', 'careful', 'ready', 'available', 'new', 'other', 'same', 'own', 'many', 'more', 'most', 'every', 'each',
]);
