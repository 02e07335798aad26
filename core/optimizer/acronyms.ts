/**
 * Upper-case words that stay upper-case when a shouted title is rewritten in normal case: units,
 * tech, sizes, places and listing shorthand. Ones that are also common words (PET, APP, US) are left
 * out: in a shouted title they are more often words. Words with digits (4K, 14K, 2XL) are kept
 * anyway, and short words the dictionary does not know (NWT, BNIB) count as acronyms too.
 */
export const ACRONYMS: ReadonlySet<string> = new Set([
  // Electronics and tech
  'USB', 'LED', 'LCD', 'OLED', 'HD', 'UHD', 'TV', 'DVD', 'CD', 'PC', 'GPS', 'AC', 'DC', 'UV', 'RGB', 'HDMI', 'SD', 'SSD',
  'HDD', 'RAM', 'CPU', 'GPU', 'NFC', 'FM', 'VR', 'AI', 'IOS', 'IR', 'RF', 'LP', 'EP', 'VHS', 'PS',
  // Digital files
  'PDF', 'SVG', 'PNG', 'JPG', 'JPEG', 'DXF', 'EPS', 'MP3', 'MP4',
  // Materials and safety
  'BPA', 'PVC', 'PU', 'ABS', 'EVA', 'TPU', 'UPF', 'SPF', 'DIY', 'OEM', 'ODM', 'FDA', 'CE', 'UL',
  // Sizes
  'XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL', 'OS', 'OSFA',
  // Places and organisations
  'USA', 'UK', 'EU', 'NYC', 'NFL', 'NBA', 'MLB', 'NHL', 'NCAA', 'MLS', 'UFC', 'NASA', 'NASCAR',
  // Listing shorthand
  'NWT', 'NWOT', 'NIB', 'NIP', 'BNWT', 'BNIB', 'EUC', 'VGUC', 'OOAK', 'OG', 'ID', 'ASAP', 'AKA', 'FAQ', 'LTD', 'LLC',
]);

/**
 * Words written lower-case inside a title in normal case (unless they open it or a segment):
 * articles, short conjunctions and prepositions.
 */
export const SMALL_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'of', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'as', 'per', 'via', 'vs', 'x',
]);
