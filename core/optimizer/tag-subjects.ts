/**
 * Words that make a description phrase worth a tag when the title does not already name them:
 * occasions and recipients, which buyers search by ("wedding gift", "gift for dad") and sellers
 * often only mention in the description. General shopping vocabulary, not any one shop's.
 */
export const OCCASION_WORDS: ReadonlySet<string> = new Set([
  'gift', 'gifts', 'present', 'birthday', 'anniversary', 'wedding', 'weddings', 'engagement', 'bridal', 'christmas', 'xmas',
  'halloween', 'easter', 'valentine', "valentine's", 'valentines', 'thanksgiving', 'hanukkah', 'diwali', 'graduation', 'retirement',
  'housewarming', 'baptism', 'christening', 'communion', 'shower', 'party', 'holiday', 'holidays', 'celebration', 'keepsake', 'memorial',
]);

export const RECIPIENT_WORDS: ReadonlySet<string> = new Set([
  'her', 'him', 'women', 'woman', 'men', 'man', 'mom', 'mum', 'mother', 'dad', 'father', 'grandma', 'grandpa', 'grandmother',
  'grandfather', 'sister', 'brother', 'wife', 'husband', 'girlfriend', 'boyfriend', 'daughter', 'son', 'kids', 'kid', 'children',
  'child', 'baby', 'babies', 'toddler', 'teen', 'teens', 'girl', 'girls', 'boy', 'boys', 'bride', 'groom', 'bridesmaid',
  'bridesmaids', 'teacher', 'teachers', 'nurse', 'friend', 'friends', 'couple', 'couples', 'family', 'pet', 'dog', 'cat', 'lover', 'lovers',
]);
