/**
 * Words that are right in listings but missing from the US English Hunspell dictionary: product and
 * style vocabulary, and the British spellings UK sellers use. Added to the spelling checker so it
 * does not suggest "Bozo" for "Boho".
 */
export const COMMERCE_WORDS: readonly string[] = [
  // Styles and product words
  'boho', 'cottagecore', 'streetwear', 'athleisure', 'flowy', 'oversized', 'crewneck', 'crewnecks', 'huggie', 'huggies',
  'keychain', 'keychains', 'lanyard', 'beanie', 'beanies', 'sherpa', 'joggers', 'hoodies', 'tees', 'tote', 'totes',
  'macrame', 'upcycled', 'upcycle', 'handmade', 'handcrafted', 'handpainted', 'handstitched', 'giftable', 'personalization',
  'printable', 'printables', 'downloadable', 'unisex', 'minimalist', 'scrunchie', 'scrunchies', 'planner', 'planners',
  'bifold', 'trifold', 'mens', 'womens', 'stackable', 'adjustable', 'nonslip', 'dishwasher', 'microfiber', 'microfibre', 'barware', 'glassware', 'homeware', 'homewares',
  // Tech product words
  'iphone', 'ipad', 'airpods', 'magsafe', 'macbook', 'bluetooth', 'wifi', 'android', 'smartwatch', 'earbuds', 'powerbank',
  // Materials and stones
  'labradorite', 'vermeil', 'zirconia', 'moissanite', 'seagrass', 'rattan', 'jute', 'soy', 'beeswax', 'merino', 'alpaca',
  'cashmere', 'rhinestone', 'rhinestones', 'swarovski', 'polyester', 'spandex', 'viscose', 'lyocell', 'tencel',
  // British spellings
  'colour', 'colours', 'coloured', 'personalised', 'personalise', 'jewellery', 'favourite', 'favourites', 'organiser',
  'organisers', 'centre', 'centres', 'metre', 'metres', 'grey', 'greys', 'cosy', 'mould', 'moulded', 'aluminium', 'fibre',
  'catalogue', 'storey', 'pyjamas', 'licence', 'practise', 'whisky',
];
