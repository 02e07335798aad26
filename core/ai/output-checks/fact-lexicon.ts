/**
 * Facts a rewrite must not invent: materials, certifications and safety claims, warranties and
 * colours, as concepts with their words in the catalog's languages. A concept counts as stated
 * by the listing when any of its words is there, so a rewrite that says "cotton" for the
 * listing's "Baumwolle" states no new fact. Word bodies are regex fragments matched as whole
 * words (inflected endings written out where a language needs them).
 */
import { words } from './text-match.js';

export type LexiconKind = 'material' | 'certification' | 'warranty' | 'colour';

interface ConceptSource {
  kind: LexiconKind;
  concept: string;
  words: readonly string[];
}

const L = '\\p{L}*';

const SOURCES: readonly ConceptSource[] = [
  // Materials
  { kind: 'material', concept: 'cashmere', words: ['cashmere', 'kaschmir', 'cachemire', 'cachemira', 'cachemir', 'kaszmir' + L, 'kasjmier', 'kašmír', 'kaşmir', 'kashmir'] },
  { kind: 'material', concept: 'merino', words: ['merino' + L, 'mérinos'] },
  { kind: 'material', concept: 'alpaca', words: ['alpa[ck]a' + L] },
  { kind: 'material', concept: 'mohair', words: ['mohair', 'moher' + L] },
  { kind: 'material', concept: 'angora', words: ['angora'] },
  { kind: 'material', concept: 'wool', words: ['wool' + L, 'wolle', 'woll', 'laine', 'lana', 'lã', 'wełn' + L, 'wol', 'wollen', 'ull', 'yün'] },
  { kind: 'material', concept: 'silk', words: ['silk' + L, 'seide', 'seiden', 'soie', 'seda', 'seta', 'jedwab' + L, 'zijde', 'siden', 'ipek'] },
  { kind: 'material', concept: 'cotton', words: ['cotton' + L, 'baumwoll' + L, 'coton', 'algodón', 'algodon', 'cotone', 'algodão', 'bawełn' + L, 'katoen' + L, 'bomull', 'pamuk' + L] },
  { kind: 'material', concept: 'organic', words: ['organic' + L, 'bio', 'biologique', 'orgánic[oa]s?', 'organic[oa]s?', 'biologic[oa]', 'biológic[oa]', 'orgânic[oa]s?', 'ekologiczn' + L, 'organiczn' + L, 'biologisch' + L, 'ekologisk' + L, 'organik'] },
  { kind: 'material', concept: 'linen', words: ['linen', 'leinen', 'lin', 'lino', 'linho', 'lniany', 'lnian' + L, 'linnen', 'keten'] },
  { kind: 'material', concept: 'hemp', words: ['hemp', 'hanf', 'chanvre', 'cáñamo', 'canapa', 'cânhamo', 'konopi' + L, 'hennep'] },
  { kind: 'material', concept: 'bamboo', words: ['bamboo', 'bambus', 'bambou', 'bambú', 'bambù', 'bambu', 'bamboe'] },
  { kind: 'material', concept: 'leather', words: ['leather' + L, 'leder', 'cuir', 'cuero', 'pelle', 'couro', 'skór' + L, 'leer', 'läder', 'deri'] },
  { kind: 'material', concept: 'suede', words: ['suede', 'wildleder', 'daim', 'scamosciato', 'camurça', 'zamsz' + L, 'suède', 'mocka', 'süet'] },
  { kind: 'material', concept: 'polyester', words: ['polyester', 'poliéster', 'poliestere', 'poliester'] },
  { kind: 'material', concept: 'nylon', words: ['nylon', 'nailon', 'nilon', 'naylon'] },
  { kind: 'material', concept: 'viscose', words: ['viscose', 'viskose', 'viscosa', 'wiskoz' + L, 'rayon'] },
  { kind: 'material', concept: 'elastane', words: ['elastan' + L, 'spandex', 'lycra', 'élasthanne'] },
  { kind: 'material', concept: 'sterling silver', words: ['sterling', '925', 'sterlingsilber', 'argent\\s+925', 'plata\\s+de\\s+ley', 'argento\\s+925'] },
  { kind: 'material', concept: 'gold', words: ['gold', 'golden', 'vergoldet' + L, 'oro', 'ouro', 'złot' + L, 'goud', 'guld', 'altın', 'vàng', '\\d{1,2}\\s?k(?:t|arat)?', '\\d{1,2}\\s?ct'] },
  { kind: 'material', concept: 'silver', words: ['silver', 'silber', 'argent', 'plata', 'argento', 'prata', 'srebr' + L, 'zilver', 'gümüş', 'bạc'] },
  { kind: 'material', concept: 'platinum', words: ['platinum', 'platin', 'platine', 'platino', 'platyn' + L] },
  { kind: 'material', concept: 'titanium', words: ['titanium', 'titan', 'titane', 'titanio', 'titânio', 'tytan' + L] },
  { kind: 'material', concept: 'stainless steel', words: ['stainless', 'edelstahl', 'inox' + L, 'acero\\s+inoxidable', 'acciaio\\s+inossidabile', 'aço\\s+inoxidável', 'stal\\s+nierdzewna', 'roestvrij' + L, 'rostfri' + L, 'paslanmaz'] },
  { kind: 'material', concept: 'brass', words: ['brass', 'messing', 'laiton', 'latón', 'ottone', 'latão', 'mosiądz' + L, 'pirinç'] },
  { kind: 'material', concept: 'copper', words: ['copper', 'kupfer', 'cuivre', 'cobre', 'rame', 'miedź', 'miedzi' + L, 'koper', 'koppar', 'bakır'] },
  { kind: 'material', concept: 'ceramic', words: ['ceramic' + L, 'keramik' + L, 'céramique', 'cerámica', 'ceramica', 'cerâmica', 'ceramik' + L, 'keramiek', 'seramik'] },
  { kind: 'material', concept: 'porcelain', words: ['porcelain', 'porzellan', 'porcelaine', 'porcelana', 'porcellana', 'porselein', 'porslin', 'porselen'] },
  { kind: 'material', concept: 'stoneware', words: ['stoneware', 'steinzeug', 'grès', 'gres', 'steengoed', 'stengods'] },
  { kind: 'material', concept: 'glass', words: ['glass', 'glas', 'verre', 'vidrio', 'vetro', 'vidro', 'szkło', 'szklan' + L] },
  { kind: 'material', concept: 'crystal', words: ['crystal' + L, 'kristall' + L, 'cristal', 'cristallo', 'kryształ' + L, 'kristal'] },
  { kind: 'material', concept: 'wood', words: ['wood' + L, 'holz', 'bois', 'madera', 'legno', 'madeira', 'drewn' + L, 'hout', 'trä', 'ahşap'] },
  { kind: 'material', concept: 'oak', words: ['oak', 'eiche', 'chêne', 'roble', 'rovere', 'carvalho', 'dąb', 'dębow' + L, 'eiken'] },
  { kind: 'material', concept: 'walnut', words: ['walnut', 'nussbaum', 'noyer', 'nogal', 'noce', 'nogueira', 'orzech' + L, 'notenhout'] },
  { kind: 'material', concept: 'marble', words: ['marble', 'marmor', 'marbre', 'mármol', 'marmo', 'mármore', 'marmur' + L] },
  { kind: 'material', concept: 'resin', words: ['resin', 'epoxy', 'harz', 'résine', 'resina', 'żywic' + L, 'hars'] },
  { kind: 'material', concept: 'pearl', words: ['pearl' + L, 'perle', 'perlen', 'perla', 'pérola', 'perł' + L, 'parel' + L] },
  { kind: 'material', concept: 'diamond', words: ['diamond' + L, 'diamant' + L, 'diamante', 'brillant' + L] },
  { kind: 'material', concept: 'sapphire', words: ['sapphire', 'saphir', 'zafiro', 'zaffiro', 'safira', 'szafir' + L] },
  { kind: 'material', concept: 'ruby', words: ['ruby', 'rubin', 'rubis', 'rubí', 'rubino'] },
  { kind: 'material', concept: 'emerald', words: ['emerald', 'smaragd', 'émeraude', 'esmeralda', 'smeraldo', 'szmaragd'] },
  // Certifications and safety claims a buyer relies on.
  { kind: 'certification', concept: 'certified', words: ['certified', 'certification', 'certificate', 'zertifiziert' + L, 'zertifikat', 'certifiée?s?', 'certificad[oa]s?', 'certificat[oa]', 'certyfikat' + L, 'certyfikowan' + L, 'gecertificeerd', 'certifierad', 'sertifikalı'] },
  { kind: 'certification', concept: 'GOTS', words: ['gots'] },
  { kind: 'certification', concept: 'OEKO-TEX', words: ['oeko[-\\s]?tex', 'öko[-\\s]?tex'] },
  { kind: 'certification', concept: 'FSC', words: ['fsc'] },
  { kind: 'certification', concept: 'Fairtrade', words: ['fair[-\\s]?trade', 'commerce\\s+équitable', 'comercio\\s+justo'] },
  { kind: 'certification', concept: 'CE marking', words: ['ce[-\\s](?:certified|marked|marking|mark|zertifiziert|kennzeichnung)'] },
  { kind: 'certification', concept: 'FDA', words: ['fda'] },
  { kind: 'certification', concept: 'USDA', words: ['usda'] },
  { kind: 'certification', concept: 'ISO', words: ['iso\\s?\\d{3,5}'] },
  { kind: 'certification', concept: 'UL listed', words: ['ul[-\\s]listed'] },
  { kind: 'certification', concept: 'hypoallergenic', words: ['hypoallergen' + L, 'hypoallergénique', 'hipoalerg' + L, 'ipoallergenic' + L, 'hypoallergeen'] },
  { kind: 'certification', concept: 'dermatologically tested', words: ['dermatolog' + L + '\\s+(?:tested|getestet|testé|testado|testato)'] },
  { kind: 'certification', concept: 'BPA-free', words: ['bpa[-\\s]?(?:free|frei|libre|free)', 'sans\\s+bpa', 'senza\\s+bpa', 'sem\\s+bpa', 'bez\\s+bpa'] },
  { kind: 'certification', concept: 'nickel-free', words: ['nickel[-\\s]?(?:free|frei)', 'sans\\s+nickel', 'senza\\s+nichel', 'sin\\s+níquel', 'bez\\s+niklu', 'nikkelvrij'] },
  { kind: 'certification', concept: 'lead-free', words: ['lead[-\\s]?free', 'bleifrei', 'sans\\s+plomb', 'sin\\s+plomo', 'senza\\s+piombo'] },
  { kind: 'certification', concept: 'waterproof', words: ['waterproof', 'water[-\\s]?resistant', 'wasserdicht', 'wasserfest', 'imperméable', 'impermeable', 'waterdicht', 'wodoodporn' + L, 'vattentät' + L, 'su\\s+geçirmez'] },
  { kind: 'certification', concept: 'vegan', words: ['vegan' + L, 'végan' + L] },
  { kind: 'certification', concept: 'cruelty-free', words: ['cruelty[-\\s]?free', 'tierversuchsfrei'] },
  { kind: 'certification', concept: 'dishwasher safe', words: ['dishwasher[-\\s]safe', 'spülmaschinenfest', 'spülmaschinengeeignet', 'lave[-\\s]vaisselle', 'lavavajillas', 'lavastoviglie', 'máquina\\s+de\\s+lavar\\s+louça', 'zmywar' + L, 'vaatwasser' + L] },
  { kind: 'certification', concept: 'microwave safe', words: ['microwave[-\\s]safe', 'mikrowellen' + L, 'micro[-\\s]?ondes', 'microondas', 'microonde', 'mikrofal' + L, 'magnetron' + L] },
  { kind: 'certification', concept: 'authentic', words: ['authentic' + L, 'genuine', 'echt' + L, 'authentique', 'auténtic[oa]', 'autentic[oa]', 'autêntic[oa]', 'oryginaln' + L, 'autentyczn' + L] },
  // Warranties and guarantees.
  { kind: 'warranty', concept: 'warranty', words: ['warrant' + L, 'guarantee' + L, 'money[-\\s]back', 'garantie' + L, 'garantiert', 'garantía', 'garantia', 'garantizad[oa]', 'garanzia', 'garantit[oa]', 'gwarancj' + L, 'gwarantowan' + L, 'garanti' + L, 'bảo\\s+hành'] },
  // Colours
  { kind: 'colour', concept: 'red', words: ['red', 'rot' + '(?:e[nrms]?)?', 'rouge' + 's?', 'roj[oa]s?', 'ross[oaie]', 'vermelh[oa]s?', 'czerwon' + L, 'rood', 'rode', 'röd' + L, 'kırmızı', 'đỏ'] },
  { kind: 'colour', concept: 'blue', words: ['blue', 'blau' + L, 'bleue?s?', 'azul' + L, 'blu', 'azzurr[oaie]', 'niebiesk' + L, 'blauw' + L, 'blå' + L, 'mavi', 'xanh\\s+dương'] },
  { kind: 'colour', concept: 'navy', words: ['navy', 'marine' + L, 'marino', 'navy[-\\s]blue', 'dunkelblau' + L, 'granatow' + L] },
  { kind: 'colour', concept: 'green', words: ['green', 'grün' + L, 'vert(?:e|s|es)?', 'verde' + 's?', 'zielon' + L, 'groen' + L, 'grön' + L, 'yeşil', 'xanh\\s+lá'] },
  { kind: 'colour', concept: 'yellow', words: ['yellow', 'gelb' + L, 'jaune' + 's?', 'amarill[oa]s?', 'giall[oaie]', 'amarel[oa]s?', 'żółt' + L, 'geel', 'gele', 'gul(?:a|t)?', 'sarı', 'vàng'] },
  { kind: 'colour', concept: 'black', words: ['black', 'schwarz' + L, 'noir' + L, 'negr[oa]s?', 'ner[oaie]', 'pret[oa]s?', 'czarn' + L, 'zwart' + L, 'svart' + L, 'siyah', 'đen'] },
  { kind: 'colour', concept: 'white', words: ['white', 'weiß' + L, 'weiss' + L, 'blanc(?:he)?s?', 'blanc[oa]s?', 'bianc[oaie]', 'bianchi', 'branc[oa]s?', 'biał' + L, 'wit', 'witte', 'vit(?:a|t)?', 'beyaz', 'trắng'] },
  { kind: 'colour', concept: 'grey', words: ['gr[ae]y', 'grau' + L, 'gris' + L, 'grigi[oa]', 'grigie', 'cinza' + 's?', 'szar' + L, 'grijs', 'grijze', 'grå' + L, 'gri', 'xám'] },
  { kind: 'colour', concept: 'pink', words: ['pink', 'rosa', 'rose', 'roses?', 'różow' + L, 'roze', 'pembe', 'hồng'] },
  { kind: 'colour', concept: 'purple', words: ['purple', 'violet' + L, 'lila', 'morad[oa]s?', 'viola', 'rox[oa]s?', 'fiolet' + L, 'paars' + L, 'tím'] },
  { kind: 'colour', concept: 'orange', words: ['orange' + L, 'naranja', 'arancion[ei]', 'laranja', 'pomarańcz' + L, 'oranje', 'turuncu'] },
  { kind: 'colour', concept: 'brown', words: ['brown', 'braun' + L, 'marron' + L, 'marrón', 'marrone', 'marrom', 'brązow' + L, 'bruin' + L, 'brun(?:e|s|a|t)?', 'kahverengi', 'nâu'] },
  { kind: 'colour', concept: 'beige', words: ['beige', 'bege', 'béžov' + L, 'bej'] },
  { kind: 'colour', concept: 'turquoise', words: ['turquoise', 'türkis' + L, 'turquesa', 'turchese', 'turkus' + L, 'turkoois', 'turkos'] },
  { kind: 'colour', concept: 'burgundy', words: ['burgundy', 'bordeaux', 'bordo', 'burdeos', 'weinrot' + L] },
  { kind: 'colour', concept: 'ivory', words: ['ivory', 'elfenbein' + L, 'ivoire', 'marfil', 'avorio', 'marfim', 'ecru', 'écru'] },
  { kind: 'colour', concept: 'khaki', words: ['khaki', 'kaki'] },
  { kind: 'colour', concept: 'olive', words: ['olive', 'oliv' + L, 'oliva'] },
  { kind: 'colour', concept: 'cream', words: ['cream', 'creme', 'crème', 'crema', 'kremow' + L] },
];

export interface Concept {
  kind: LexiconKind;
  concept: string;
  pattern: RegExp;
}

export const CONCEPTS: readonly Concept[] = SOURCES.map((source) => ({ kind: source.kind, concept: source.concept, pattern: words(source.words.join('|')) }));
