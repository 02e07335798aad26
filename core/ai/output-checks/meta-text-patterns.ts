/**
 * What a model writes when it is not writing the listing: refusals and apologies, talk about its
 * own answer, unfilled placeholders. One table per kind, in the languages of the catalogs sellers
 * bring (English, German, French, Spanish, Italian, Portuguese, Polish, Dutch, Swedish, Turkish,
 * Vietnamese). Each entry is a whole-word phrase (see words()); a match only counts when the
 * listing itself does not already say it ("Sorry, no returns" in a seller's own description).
 */
import { words } from './text-match.js';

const S = '\\s+';

/** Refusals, apologies and "as an AI" disclaimers. */
export const REFUSAL_PATTERNS: readonly RegExp[] = [
  // English
  words(`(?:i'm|i am)(?:${S}(?:so|very|truly|really))?${S}sorry`),
  words(`sorry,?${S}but`),
  words(`i${S}apologi[sz]e|my${S}apologies`),
  words(`as${S}an?${S}(?:ai|a\\.i\\.|artificial${S}intelligence|(?:ai${S}|large${S})?language${S}model|ai${S}assistant)`),
  words(
    `i${S}(?:cannot|can't|can${S}not|am${S}unable${S}to|'m${S}unable${S}to|won't${S}be${S}able${S}to|am${S}not${S}able${S}to|'m${S}not${S}able${S}to)${S}(?:fulfil+|help|assist|comply|provide|complete|process|rewrite|create|generate|write|support|continue|do${S}(?:that|this))`,
  ),
  words(`(?:against|violates?)${S}(?:my|the|our|openai's)${S}(?:guidelines|polic(?:y|ies)|content${S}polic(?:y|ies)|usage${S}polic(?:y|ies))`),
  words(`i${S}(?:cannot|can't)${S}(?:fulfil+|help${S}with|complete)${S}(?:this|that|your)${S}request`),
  // German
  words(`es${S}tut${S}mir${S}(?:sehr${S})?leid`),
  words(`leider${S}kann${S}ich`),
  words(`ich${S}kann${S}(?:diese[nrs]?|das|dies|keine[nm]?|ihnen|dir|hierbei|dabei|ihre)${S}(?:\\p{L}+${S}){0,3}nicht`),
  words(`als${S}(?:eine?${S})?(?:ki|künstliche${S}intelligenz|sprachmodell|ki-sprachmodell|ki-assistent)`),
  words(`(?:verstößt|verstösst)${S}gegen${S}(?:meine|die)${S}richtlinien`),
  // French
  words(`je${S}suis${S}(?:vraiment${S})?désolée?`),
  words(`désolée?,?${S}(?:mais|je)`),
  words(`je${S}ne${S}(?:peux|suis${S}pas${S}en${S}mesure)`),
  words(`en${S}tant${S}(?:qu'|que${S})(?:une?${S})?(?:ia|intelligence${S}artificielle|modèle${S}de${S}langage|assistant)`),
  // Spanish
  words(`lo${S}(?:siento|lamento)`),
  words(`no${S}puedo${S}(?:cumplir|ayudar\\p{L}*|realizar|procesar|completar|hacer${S}eso|proporcionar|reescribir|generar|atender)`),
  words(`como${S}(?:una?${S})?(?:ia|inteligencia${S}artificial|modelo${S}de${S}lenguaje|asistente${S}de${S}ia)`),
  // Italian
  words(`mi${S}dispiace|spiacente`),
  words(`non${S}posso${S}(?:soddisfare|aiutar\\p{L}*|eseguire|completare|fornire|riscrivere|generare|procedere|esaudire)`),
  words(`(?:come|in${S}quanto)${S}(?:un(?:a|')?${S}?)?(?:ia|intelligenza${S}artificiale|modello${S}(?:linguistico|di${S}linguaggio)|assistente${S}(?:virtuale|ia))`),
  // Portuguese
  words(`desculpe|sinto${S}muito|lamento,?${S}mas`),
  words(`não${S}(?:posso|consigo)${S}(?:atender|ajudar|cumprir|realizar|fornecer|reescrever|gerar|completar|processar)`),
  words(`como${S}(?:uma?${S})?(?:ia|inteligência${S}artificial|modelo${S}de${S}linguagem|assistente${S}de${S}ia)`),
  // Polish
  words(`przepraszam|niestety,?${S}nie${S}mogę`),
  words(`nie${S}mogę${S}(?:spełnić|pomóc|wykonać|zrealizować|przepisać|wygenerować|tego${S}zrobić)`),
  words(`jako${S}(?:model${S}językowy|sztuczna${S}inteligencja|ai|si|asystent${S}ai)`),
  // Dutch
  words(`het${S}spijt${S}me`),
  words(`ik${S}kan${S}(?:dit|dat|hier|u|je|jou|deze)${S}(?:\\p{L}+${S}){0,3}niet`),
  words(`als${S}(?:een${S})?(?:ai|taalmodel|ai-taalmodel|kunstmatige${S}intelligentie)`),
  // Swedish
  words(`jag${S}är${S}ledsen|tyvärr${S}kan${S}jag${S}inte`),
  words(`jag${S}kan${S}inte${S}(?:hjälpa|uppfylla|utföra|skriva|slutföra)`),
  words(`som${S}(?:en${S})?(?:ai|språkmodell|ai-assistent)`),
  // Turkish
  words(`üzgünüm|yapamam|yardımcı${S}olamam|yerine${S}getiremem`),
  words(`bir${S}yapay${S}zeka(?:${S}dil${S}modeli)?${S}olarak`),
  // Vietnamese
  words(`xin${S}lỗi|tôi${S}không${S}thể`),
  words(`là${S}một${S}(?:ai|mô${S}hình${S}ngôn${S}ngữ|trí${S}tuệ${S}nhân${S}tạo)`),
];

const FIELD_WORDS =
  `title|titles|description|descriptions|tags|keywords|version|listing|listings|titel|beschreibung|titre|titres|description|título|titulo|descripción|titolo|descrizione|descrição|tytuł|opis|beschrijving|rubrik|beskrivning|başlık|açıklama|tiêu${S}đề|mô${S}tả`;
const REWRITTEN_WORDS =
  `rewritten|revised|improved|optimi[sz]ed|updated|new|shortened|polished|überarbeitete[nr]?|neue[nr]?|optimierte[nr]?|umgeschriebene[nr]?|réécrite?|optimisée?|nouvelle|nouveau|améliorée?|reescrit[oa]|optimizad[oa]|mejorad[oa]|nuev[oa]|riscritt[oa]|ottimizzat[oa]|migliorat[oa]|nuov[oa]|otimizad[oa]|melhorad[oa]|nov[oa]|przepisany|poprawiony|zoptymalizowany|nowy|herschreven|verbeterde|nieuwe|geoptimaliseerde|omskrivna|förbättrade|nya`;

/** The model talking about its answer instead of giving it. */
export const META_PATTERNS: readonly RegExp[] = [
  words(`(?:here${S}is|here's|here${S}are|below${S}is)${S}(?:the|a|an|your|my)${S}(?:(?:${REWRITTEN_WORDS})${S})?(?:${FIELD_WORDS})`),
  words(`(?:${REWRITTEN_WORDS})${S}(?:${FIELD_WORDS})${S}?:`),
  words(`i${S}(?:have|'ve)${S}(?:rewritten|revised|updated|improved|shortened|removed|kept|added|optimi[sz]ed)`),
  words(`i${S}hope${S}this${S}helps|let${S}me${S}know${S}if|feel${S}free${S}to${S}(?:adjust|ask|modify)|as${S}requested`),
  /^\s*(?:sure|certainly|of course|absolutely|okay|ok)\s*[,!.:]/iu,
  /^\s*(?:title|titel|titre|título|titolo|tytuł|rubrik|başlık|description|beschreibung|descripción|descrizione|descrição|opis|beschrijving|beskrivning|açıklama|tags|keywords)\s*:/iu,
  words(`hier${S}(?:ist|sind)${S}(?:der|die|das|ihr|ihre)${S}(?:(?:${REWRITTEN_WORDS})${S})?(?:${FIELD_WORDS})`),
  words(`voici${S}(?:le|la|les|votre|une?)${S}(?:(?:${REWRITTEN_WORDS})${S})?(?:${FIELD_WORDS})`),
  words(`aquí${S}(?:está|tienes|tiene)${S}(?:el|la|los|las|tu|su|una?)${S}(?:(?:${REWRITTEN_WORDS})${S})?(?:${FIELD_WORDS})`),
  words(`ecco${S}(?:il|la|i|le|lo|un[a']?)${S}?(?:(?:${REWRITTEN_WORDS})${S})?(?:${FIELD_WORDS})`),
  words(`aqui${S}(?:está|estão)${S}(?:o|a|os|as|seu|sua|uma?)${S}(?:(?:${REWRITTEN_WORDS})${S})?(?:${FIELD_WORDS})`),
  words(`oto${S}(?:(?:${REWRITTEN_WORDS})${S})?(?:${FIELD_WORDS})`),
  words(`hier${S}(?:is|zijn)${S}(?:de|het|je|uw|een)${S}(?:(?:${REWRITTEN_WORDS})${S})?(?:${FIELD_WORDS})`),
  words(`här${S}är${S}(?:den|det|din|ditt|en|ett)${S}(?:(?:${REWRITTEN_WORDS})${S})?(?:${FIELD_WORDS})`),
  words(`işte${S}(?:yeniden${S}yazılmış|düzenlenmiş|optimize${S}edilmiş|yeni)`),
  words(`đây${S}là${S}(?:${FIELD_WORDS}|phiên${S}bản)`),
];

/** Markdown a listing field cannot show, unless the listing itself is written in it. */
export const MARKDOWN_PATTERNS: readonly { pattern: RegExp; mark: string }[] = [
  { pattern: /\*\*[^*\n]+\*\*/u, mark: '**' },
  { pattern: /^\s*#{1,6}\s/mu, mark: '#' },
  { pattern: /```/u, mark: '```' },
];

/** Placeholders the model left unfilled. */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /\[[^\]\n]{1,40}\]/gu,
  /\{\{?[^{}\n]{1,40}\}?\}/gu,
  words(`lorem${S}ipsum|tbd|todo|placeholder|insert${S}(?:brand|name|product|size|colou?r|material)\\p{L}*|your${S}(?:brand|shop|store)${S}name|brand${S}name${S}here|xx${S}?(?:cm|mm|ml|g|kg|in|inch|oz)`),
];
