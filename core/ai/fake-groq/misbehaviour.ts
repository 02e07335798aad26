/**
 * Answers in the right shape with the wrong content, the way real models embarrass sellers: a
 * refusal in the listing's place (in several languages), invented facts, dropped sizes, the
 * instructions echoed back, talk about the answer, unfilled placeholders, a cut-off sentence.
 * Each is a fault (faults.ts) applied to the fake's normal rewrite of every listing of the request.
 */
import type { AiListingInput, AiRewrite } from '../ai-protocol.js';
import { cutAtWord, cutDescription } from './rewrite.js';

export const MISBEHAVIOURS = ['refusal', 'invented_facts', 'dropped_sizes', 'echo_prompt', 'meta_text', 'placeholder', 'truncated_text'] as const;
export type Misbehaviour = (typeof MISBEHAVIOURS)[number];

export function isMisbehaviour(value: string): value is Misbehaviour {
  return (MISBEHAVIOURS as readonly string[]).includes(value);
}

/** The `refusal` fault answers listing i with REFUSALS[id % length]: one request shows several languages. */
export const REFUSALS: readonly { language: string; text: string }[] = [
  { language: 'en', text: "I'm sorry, but I cannot fulfill this request as it goes against my guidelines." },
  { language: 'de', text: 'Es tut mir leid, aber ich kann diese Anfrage nicht erfüllen.' },
  { language: 'fr', text: 'Je suis désolé, mais je ne peux pas répondre à cette demande.' },
  { language: 'es', text: 'Lo siento, pero no puedo cumplir con esta solicitud.' },
  { language: 'it', text: 'Mi dispiace, ma non posso soddisfare questa richiesta.' },
  { language: 'pt', text: 'Desculpe, mas não posso atender a esta solicitação.' },
  { language: 'pl', text: 'Przepraszam, ale nie mogę spełnić tej prośby.' },
  { language: 'nl', text: 'Het spijt me, maar ik kan dit verzoek niet uitvoeren.' },
  { language: 'sv', text: 'Jag är ledsen, men jag kan inte hjälpa till med den här begäran.' },
  { language: 'tr', text: 'Üzgünüm, ancak bu isteği yerine getiremem.' },
  { language: 'vi', text: 'Xin lỗi, tôi không thể thực hiện yêu cầu này.' },
  { language: 'en', text: 'As an AI language model, I cannot rewrite this listing.' },
];

/** What `invented_facts` puts in front of the title and the description. */
export const INVENTED_TITLE = '100% Cashmere 2-Pack';
export const INVENTED_SENTENCE = 'Made from 100% cashmere, certified organic, 10-year warranty.';

/** Numbers with a unit and letter sizes, as `dropped_sizes` removes them. */
const SIZED = /(?<![\p{L}\p{N}])(?:\d+(?:[.,]\d+)?\s?(?:ml|cl|l|g|kg|oz|lbs?|mm|cm|m|in|inch|inches|"|ft|%|pack|pcs|pieces|mAh|W|V)|(?:size|größe|taille|talla|taglia|tamanho|rozmiar|maat)\s*:?\s*(?:XXS|XS|S|M|L|XL|XXL|XXXL)|XXS|XS|XL|XXL|XXXL|[2-6]XL)(?![\p{L}\p{N}])/giu;

function dropSizes(text: string): string {
  return text
    .replace(SIZED, '')
    .replace(/[ \t]+([,.;:])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/^[ ,;:-]+|[ ,;:-]+$/gm, '')
    .trim();
}

/** The first sentence of each instruction line the model was given (what an echo repeats). */
function instructionSentence(systemPrompt: string, index: number): string {
  const lines = systemPrompt.split('\n').filter((line) => line.trim() !== '');
  const line = lines[index % Math.max(1, lines.length)] ?? '';
  return /^[^.]*\./.exec(line)?.[0] ?? line;
}

export function misbehave(kind: Misbehaviour, rewrite: AiRewrite, listing: AiListingInput, systemPrompt: string): AiRewrite {
  const { titleMax, descriptionMax } = listing.limits;
  const describe = (text: string): string => (descriptionMax > 0 ? cutDescription(text, descriptionMax) : '');
  switch (kind) {
    case 'refusal': {
      const refusal = REFUSALS[listing.id % REFUSALS.length]!.text;
      return { ...rewrite, title: cutAtWord(refusal, titleMax), description: describe(refusal) };
    }
    case 'invented_facts':
      return { ...rewrite, title: cutAtWord(`${INVENTED_TITLE} ${rewrite.title}`, titleMax), description: describe(`${INVENTED_SENTENCE} ${rewrite.description}`) };
    case 'dropped_sizes':
      return { ...rewrite, title: dropSizes(rewrite.title), description: describe(dropSizes(rewrite.description)), tags: rewrite.tags.map(dropSizes).filter((tag) => tag !== '') };
    case 'echo_prompt':
      return {
        ...rewrite,
        title: cutAtWord(`${instructionSentence(systemPrompt, 0)} ${rewrite.title}`, titleMax),
        description: describe(`${instructionSentence(systemPrompt, 6)} ${rewrite.description}`),
      };
    case 'meta_text':
      return { ...rewrite, title: cutAtWord(`Here is the rewritten title: ${rewrite.title}`, titleMax), description: describe(`Sure! Here is the improved description:\n\n${rewrite.description}`) };
    case 'placeholder':
      return { ...rewrite, title: cutAtWord(`[Brand] ${rewrite.title}`, titleMax), description: describe(`${rewrite.description} Made by [Brand Name] in {country}.`) };
    case 'truncated_text': {
      const words = rewrite.title.split(' ');
      const title = `${words.slice(0, Math.max(1, Math.ceil(words.length / 2))).join(' ')} with`;
      const sentence = rewrite.description.split(/\s+/);
      const description = `${sentence.slice(0, Math.max(3, Math.ceil(sentence.length / 2))).join(' ').replace(/[.!?,;:]+$/, '')}, and the`;
      return { ...rewrite, title: cutAtWord(title, titleMax), description: describe(description) };
    }
  }
}
