/**
 * Whisper reads only the last 224 tokens of a prompt. At roughly four characters a token for English text, this many
 * characters stay inside that window with room to spare.
 */
const PROMPT_CHARS = 800;
const TERMS_CHARS = 400;

/**
 * The words a piece is likely to mishear — names and terms, in the show's spelling — then the end of the previous
 * piece, so the model continues the conversation rather than starting a new one. The tail goes last because the model
 * reads the prompt as what was said just before.
 */
export function transcriptionPrompt(terms: string[], previousText: string): string {
  const unique: string[] = [];
  let length = 0;
  for (const term of terms.map((t) => t.trim().replace(/\s+/g, ' '))) {
    if (!term || /^https?:\/\//i.test(term) || unique.includes(term)) continue;
    if (length + term.length + 2 > TERMS_CHARS) break;
    unique.push(term);
    length += term.length + 2;
  }
  const head = unique.join(', ');
  const room = PROMPT_CHARS - head.length - 2;
  const tail = previousText.length > room ? previousText.slice(previousText.length - room).replace(/^\S*\s/, '') : previousText;
  return [head, tail.trim()].filter(Boolean).join('. ');
}
