/**
 * Words the demo catalog is made of: one profile per kind of shop, so a necklace gets necklace
 * words, a jewelry price and jewelry item specifics. Plain data; demo-listing.ts combines it.
 */
export interface CategoryProfile {
  /** Marketplace-neutral category path, as an importer would store it. */
  category: string;
  /** Prefix of generated SKUs. */
  skuPrefix: string;
  /** Relative share of the catalog. */
  weight: number;
  nouns: readonly string[];
  adjectives: readonly string[];
  materials: readonly string[];
  /** Price range in minor units (cents). */
  price: readonly [min: number, max: number];
  brands: readonly string[];
  tags: readonly string[];
  /** Item specifics: name → possible values. */
  attributes: Readonly<Record<string, readonly string[]>>;
  /** Variant axes (e.g. Size × Colour) and how often a listing of this kind has variants. */
  variants?: { share: number; axes: Readonly<Record<string, readonly string[]>> };
  /** Title phrases appended by keyword-heavy sellers. */
  extras: readonly string[];
  vintage?: boolean;
}

const COLOURS = ['Black', 'White', 'Navy', 'Heather Grey', 'Forest Green', 'Burgundy', 'Mustard', 'Dusty Pink', 'Sky Blue', 'Charcoal'];

export const CATEGORY_PROFILES: readonly CategoryProfile[] = [
  {
    category: 'Jewelry > Necklaces & Pendants',
    skuPrefix: 'JW',
    weight: 14,
    nouns: ['Necklace', 'Pendant', 'Choker', 'Locket', 'Charm Necklace', 'Bar Necklace', 'Layered Necklace'],
    adjectives: ['Dainty', 'Minimalist', 'Personalized', 'Boho', 'Celestial', 'Handmade', 'Delicate', 'Engraved', 'Tiny', 'Statement'],
    materials: ['Sterling Silver', '14k Gold Filled', 'Rose Gold', 'Brass', 'Freshwater Pearl', 'Moonstone', 'Turquoise', 'Opal', 'Labradorite'],
    price: [1200, 18900],
    brands: ['Luna & Thread', 'Silverleaf Studio', 'Golden Hour Jewelry', 'Wren Goods', 'Marisol Atelier'],
    tags: ['gift for her', 'birthday gift', 'bridesmaid gift', 'minimalist jewelry', 'layering necklace', 'anniversary', 'mothers day', 'gold necklace', 'silver necklace', 'initial necklace', 'birthstone', 'boho jewelry', 'everyday jewelry', 'dainty necklace'],
    attributes: { Metal: ['Sterling Silver', 'Gold Filled', 'Brass', 'Stainless Steel'], 'Chain Length': ['16 in', '18 in', '20 in', '24 in'], Closure: ['Spring Ring', 'Lobster Clasp', 'Toggle'] },
    variants: { share: 0.15, axes: { Length: ['16 in', '18 in', '20 in'], Finish: ['Silver', 'Gold', 'Rose Gold'] } },
    extras: ['Gift for Her', 'Bridesmaid Gift', 'Birthday Gift', 'Layering Necklace', 'Mothers Day Gift', 'Anniversary Present'],
  },
  {
    category: 'Jewelry > Earrings & Rings',
    skuPrefix: 'ER',
    weight: 8,
    nouns: ['Stud Earrings', 'Hoop Earrings', 'Drop Earrings', 'Stacking Ring', 'Signet Ring', 'Band Ring', 'Huggie Earrings'],
    adjectives: ['Hammered', 'Minimalist', 'Geometric', 'Vintage Style', 'Handcrafted', 'Tiny', 'Chunky', 'Textured'],
    materials: ['Sterling Silver', '14k Gold', 'Gold Vermeil', 'Titanium', 'Cubic Zirconia', 'Garnet', 'Amethyst'],
    price: [900, 24900],
    brands: ['Silverleaf Studio', 'Wren Goods', 'Halcyon Metals', 'Kestrel & Co'],
    tags: ['hoop earrings', 'stud earrings', 'stacking ring', 'gift for her', 'minimalist', 'hypoallergenic', 'everyday earrings', 'signet ring', 'promise ring', 'gold ring'],
    attributes: { Metal: ['Sterling Silver', 'Gold', 'Titanium'], 'Ring Size': ['5', '6', '7', '8', '9'], Style: ['Hoop', 'Stud', 'Band', 'Drop'] },
    variants: { share: 0.2, axes: { 'Ring Size': ['5', '6', '7', '8', '9'] } },
    extras: ['Hypoallergenic', 'Gift Box Included', 'Everyday Wear', 'Nickel Free'],
  },
  {
    category: 'Clothing > Tops & T-Shirts',
    skuPrefix: 'AP',
    weight: 14,
    nouns: ['T-Shirt', 'Graphic Tee', 'Hoodie', 'Crewneck Sweatshirt', 'Tank Top', 'Long Sleeve Shirt', 'Flannel Shirt', 'Cardigan'],
    adjectives: ['Oversized', 'Vintage Wash', 'Unisex', 'Retro', 'Cozy', 'Organic', 'Embroidered', 'Screen Printed', 'Relaxed Fit'],
    materials: ['Organic Cotton', 'Cotton', 'Linen', 'Merino Wool', 'Recycled Polyester', 'Bamboo', 'Fleece'],
    price: [1800, 7900],
    brands: ['Northbound Apparel', 'Patchwork Supply', 'Sunday Club', 'Fieldnote Clothing', 'Comfort Colors', 'Bella+Canvas'],
    tags: ['graphic tee', 'unisex shirt', 'oversized hoodie', 'gift for him', 'gift for her', 'retro shirt', 'vintage style', 'cozy sweatshirt', 'organic cotton', 'streetwear', 'christmas gift', 'funny shirt', 'nature lover'],
    attributes: { 'Size Type': ['Regular', 'Plus', 'Petite', 'Tall'], Fit: ['Relaxed', 'Regular', 'Slim', 'Oversized'], 'Sleeve Length': ['Short Sleeve', 'Long Sleeve', 'Sleeveless'], Department: ['Unisex Adult', 'Women', 'Men'] },
    variants: { share: 0.45, axes: { Size: ['XS', 'S', 'M', 'L', 'XL', '2XL', '3XL'], Colour: COLOURS } },
    extras: ['Unisex Gift', 'Gift for Him', 'Gift for Her', 'Plus Size Available', 'Soft Cotton', 'Christmas Gift'],
  },
  {
    category: 'Clothing > Dresses & Skirts',
    skuPrefix: 'DR',
    weight: 6,
    nouns: ['Maxi Dress', 'Midi Dress', 'Wrap Dress', 'Linen Skirt', 'Sundress', 'Slip Dress', 'Pleated Skirt'],
    adjectives: ['Floral', 'Boho', 'Linen', 'Cottagecore', 'Flowy', 'Handmade', 'Smocked', 'Tiered'],
    materials: ['Linen', 'Cotton', 'Rayon', 'Silk', 'Viscose', 'Chiffon'],
    price: [3500, 16500],
    brands: ['Meadow & Mill', 'Fieldnote Clothing', 'Atelier Olive', 'Sunday Club'],
    tags: ['linen dress', 'summer dress', 'boho dress', 'cottagecore', 'maxi dress', 'wedding guest', 'plus size dress', 'sustainable fashion', 'gift for her'],
    attributes: { Length: ['Mini', 'Midi', 'Maxi'], Neckline: ['V-Neck', 'Square', 'Round'], Occasion: ['Casual', 'Wedding Guest', 'Beach', 'Party'] },
    variants: { share: 0.4, axes: { Size: ['XS', 'S', 'M', 'L', 'XL'], Colour: ['Sage', 'Terracotta', 'Cream', 'Black', 'Dusty Blue'] } },
    extras: ['Wedding Guest Dress', 'Summer Outfit', 'Plus Size', 'Custom Length'],
  },
  {
    category: 'Home & Living > Home Decor',
    skuPrefix: 'HD',
    weight: 13,
    nouns: ['Throw Pillow Cover', 'Macrame Wall Hanging', 'Scented Candle', 'Woven Basket', 'Table Runner', 'Wall Mirror', 'Plant Hanger', 'Linen Napkins', 'Wreath'],
    adjectives: ['Rustic', 'Farmhouse', 'Boho', 'Scandinavian', 'Modern', 'Handwoven', 'Hand Poured', 'Cozy', 'Minimalist'],
    materials: ['Cotton Rope', 'Soy Wax', 'Linen', 'Jute', 'Rattan', 'Seagrass', 'Reclaimed Wood', 'Velvet'],
    price: [1500, 12900],
    brands: ['Hearth & Willow', 'Driftwood Home', 'Oak and Ember', 'Nest Studio', 'Juniper Lane'],
    tags: ['home decor', 'housewarming gift', 'boho decor', 'farmhouse decor', 'wall decor', 'living room', 'nursery decor', 'soy candle', 'macrame', 'christmas decor', 'new home gift', 'cozy home'],
    attributes: { Room: ['Living Room', 'Bedroom', 'Kitchen', 'Nursery', 'Bathroom'], Style: ['Boho', 'Farmhouse', 'Modern', 'Scandinavian'], 'Care Instructions': ['Spot Clean', 'Machine Wash Cold', 'Wipe Clean'] },
    variants: { share: 0.1, axes: { Size: ['Small', 'Medium', 'Large'], Colour: ['Natural', 'Terracotta', 'Sage', 'Ivory'] } },
    extras: ['Housewarming Gift', 'Living Room Decor', 'Farmhouse Style', 'New Home Gift'],
  },
  {
    category: 'Vintage > Collectibles',
    skuPrefix: 'VT',
    weight: 9,
    nouns: ['Brass Candlesticks', 'Pyrex Mixing Bowl', 'Leather Satchel', 'Denim Jacket', 'Film Camera', 'Vinyl Record', 'Enamel Pin Set', 'Wool Blanket', 'Milk Glass Vase', 'Cast Iron Skillet'],
    adjectives: ['Vintage', 'Antique', 'Mid Century', '1970s', '1980s', 'Retro', 'Rare', 'Original', 'Estate'],
    materials: ['Brass', 'Glass', 'Leather', 'Denim', 'Cast Iron', 'Wool', 'Oak', 'Porcelain'],
    price: [1000, 45000],
    brands: ['Pyrex', "Levi's", 'Pendleton', 'Fire-King', 'Corning Ware', 'Kodak', 'Lodge'],
    tags: ['vintage', 'antique', 'mid century modern', 'retro', 'collectible', '70s', '80s', 'estate find', 'rare find', 'gift for collector', 'vintage home'],
    attributes: { Era: ['1950s', '1960s', '1970s', '1980s', '1990s'], 'Country of Origin': ['USA', 'England', 'Germany', 'Japan', 'Italy'], Original: ['Yes', 'No'] },
    extras: ['Rare Find', 'Excellent Condition', 'Collectible', 'Made in USA', 'Estate Sale'],
    vintage: true,
  },
  {
    category: 'Electronics > Phone & Laptop Accessories',
    skuPrefix: 'EL',
    weight: 11,
    nouns: ['Phone Case', 'USB-C Charging Cable', 'Wireless Charger', 'Laptop Sleeve', 'Earbud Case', 'Phone Stand', 'Screen Protector', 'Keyboard Wrist Rest', 'Cable Organizer'],
    adjectives: ['Slim', 'Shockproof', 'Magnetic', 'Fast Charging', 'Personalized', 'Protective', 'Braided', 'Leather', 'Clear'],
    materials: ['Silicone', 'Vegan Leather', 'Full Grain Leather', 'TPU', 'Tempered Glass', 'Aluminum', 'Felt', 'Nylon'],
    price: [699, 8999],
    brands: ['Voltline', 'Cableworks', 'NorthPeak Tech', 'Anker', 'Spigen', 'ESR', 'Belkin'],
    tags: ['phone case', 'iphone case', 'samsung case', 'usb c', 'fast charging', 'laptop sleeve', 'tech gift', 'desk accessories', 'magsafe', 'wireless charger', 'gift for him'],
    attributes: { Compatibility: ['iPhone 15', 'iPhone 16', 'Galaxy S24', 'Pixel 9', 'MacBook Air 13"', 'Universal'], Connector: ['USB-C', 'Lightning', 'MagSafe', 'Qi'], 'Cable Length': ['1 m', '2 m', '3 m'] },
    variants: { share: 0.2, axes: { Model: ['iPhone 15', 'iPhone 15 Pro', 'iPhone 16', 'Galaxy S24', 'Pixel 9'], Colour: ['Black', 'Clear', 'Navy', 'Sage'] } },
    extras: ['Compatible with iPhone 15 16', 'Fast Charging', 'MagSafe Compatible', '2 Pack', 'Lifetime Warranty'],
  },
  {
    category: 'Art & Collectibles > Prints',
    skuPrefix: 'AR',
    weight: 10,
    nouns: ['Art Print', 'Botanical Print', 'Watercolor Print', 'Poster', 'Gallery Wall Set', 'Linocut Print', 'Map Print', 'Abstract Print'],
    adjectives: ['Botanical', 'Abstract', 'Minimalist', 'Mid Century', 'Vintage Style', 'Watercolor', 'Line Art', 'Coastal', 'Signed'],
    materials: ['Archival Paper', 'Giclee', 'Cotton Rag Paper', 'Canvas', 'Matte Paper'],
    price: [800, 22000],
    brands: ['Fernway Prints', 'Inkwell & Oak', 'Saltmarsh Studio', 'Paper Lantern Press'],
    tags: ['wall art', 'art print', 'botanical print', 'gallery wall', 'living room art', 'nursery art', 'abstract art', 'poster', 'printable', 'housewarming gift', 'home decor'],
    attributes: { Orientation: ['Portrait', 'Landscape', 'Square'], Framing: ['Unframed', 'Framed'], Subject: ['Botanical', 'Landscape', 'Abstract', 'Animals', 'Coastal'] },
    variants: { share: 0.35, axes: { Size: ['5x7', '8x10', '11x14', '16x20', 'A4', 'A3'] } },
    extras: ['Gallery Wall Art', 'Living Room Decor', 'Unframed', 'Housewarming Gift'],
  },
  {
    category: 'Home & Living > Ceramics & Pottery',
    skuPrefix: 'CE',
    weight: 8,
    nouns: ['Coffee Mug', 'Bud Vase', 'Serving Bowl', 'Planter', 'Dinner Plate Set', 'Espresso Cup', 'Ring Dish', 'Pitcher'],
    adjectives: ['Handmade', 'Wheel Thrown', 'Speckled', 'Rustic', 'Glazed', 'Minimalist', 'Stoneware', 'Matte', 'Hand Painted'],
    materials: ['Stoneware', 'Porcelain', 'Terracotta', 'Earthenware', 'Speckled Clay'],
    price: [1800, 15500],
    brands: ['Kiln & Co', 'Clayhouse Pottery', 'Willow Ceramics', 'Riverstone Pottery'],
    tags: ['handmade mug', 'pottery', 'ceramic vase', 'coffee lover', 'stoneware', 'housewarming gift', 'kitchen decor', 'wedding gift', 'planter', 'minimalist'],
    attributes: { Capacity: ['8 oz', '12 oz', '16 oz'], 'Dishwasher Safe': ['Yes', 'No'], Glaze: ['Speckled White', 'Sea Green', 'Matte Black', 'Honey'] },
    variants: { share: 0.15, axes: { Glaze: ['Speckled White', 'Sea Green', 'Matte Black', 'Honey'] } },
    extras: ['Coffee Lover Gift', 'Wedding Gift', 'Made to Order', 'Dishwasher Safe'],
  },
  {
    category: 'Bags & Accessories',
    skuPrefix: 'BG',
    weight: 7,
    nouns: ['Tote Bag', 'Crossbody Bag', 'Leather Wallet', 'Canvas Backpack', 'Belt', 'Keychain', 'Bucket Hat', 'Scarf'],
    adjectives: ['Personalized', 'Monogrammed', 'Handstitched', 'Waxed Canvas', 'Minimalist', 'Vegan', 'Everyday', 'Travel'],
    materials: ['Full Grain Leather', 'Waxed Canvas', 'Cork', 'Cotton Canvas', 'Wool', 'Vegan Leather'],
    price: [1500, 21000],
    brands: ['Saddle & Stitch', 'Harbor Goods', 'Tanner Row', 'Oak and Ember'],
    tags: ['leather wallet', 'tote bag', 'gift for him', 'gift for her', 'personalized gift', 'groomsmen gift', 'travel accessories', 'anniversary gift', 'monogram'],
    attributes: { Closure: ['Zipper', 'Magnetic Snap', 'Open Top', 'Button'], 'Strap Type': ['Adjustable', 'Fixed', 'None'], Personalization: ['Available', 'Not Available'] },
    variants: { share: 0.2, axes: { Colour: ['Tan', 'Dark Brown', 'Black', 'Olive'] } },
    extras: ['Groomsmen Gift', 'Personalized Gift', 'Anniversary Gift', 'Free Monogram'],
  },
];

/** Description sentences; {noun}, {material}, {brand}, {adjective} and {tag} are filled in. */
export const DESCRIPTION_OPENERS: readonly string[] = [
  'This {adjective} {noun} is made from {material} and finished by hand in our small studio.',
  'Meet our {adjective} {noun}: {material}, thoughtfully designed and made to last.',
  'A {adjective} {noun} in {material}, perfect for everyday use or as a thoughtful gift.',
  'Each {noun} is crafted from {material}, so no two pieces are exactly alike.',
  'Our best-selling {noun} is back in stock, now in {material}.',
  'Add a touch of character to your day with this {adjective} {noun}.',
];

export const DESCRIPTION_DETAILS: readonly string[] = [
  'It makes a wonderful {tag} and arrives ready to give.',
  'We photograph every item in natural light, so the colours you see are true to life.',
  'Small variations are part of the charm of a handmade piece.',
  'Please check the measurements in the photos before ordering.',
  'Ships within 1–3 business days in recycled, plastic-free packaging.',
  'Questions about sizing or custom orders? Send us a message and we usually reply within a day.',
  'Care: store away from direct sunlight and clean gently with a soft cloth.',
  'Designed by {brand} and produced in small batches.',
  'Pairs beautifully with the rest of our collection.',
  'Gift wrapping is available at checkout.',
  'Every order supports a small independent business — thank you!',
];

export const VINTAGE_DETAILS: readonly string[] = [
  'Found at an estate sale and cleaned carefully; shows light wear consistent with age.',
  'Please see all photos for condition, as they are part of the description.',
  'A genuine piece of history that is hard to find in this condition.',
];

/** Filler some sellers add to titles; the optimizer will want to remove it. */
export const PROMO_FILLER: readonly string[] = ['!!! FREE SHIPPING', '*** SALE ***', 'L@@K', 'BEST PRICE!!!', 'HOT ITEM', 'FAST SHIP!!', '~ NEW ~'];

export const GENERIC_TAGS: readonly string[] = ['handmade', 'gift', 'unique gift', 'free shipping', 'small business', 'sustainable', 'eco friendly', 'holiday gift', 'best seller', 'made in usa'];

export const CONDITIONS_NEW: readonly (readonly [string, number])[] = [
  ['new', 90],
  ['new_other', 6],
  ['refurbished', 4],
];

export const CONDITIONS_USED: readonly (readonly [string, number])[] = [
  ['used_excellent', 40],
  ['used_good', 45],
  ['used_fair', 15],
];
