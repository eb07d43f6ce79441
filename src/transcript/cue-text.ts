// Cue text as the WebVTT "cue text parsing rules" read it: a tokenizer of text, tags and timestamps; text is
// everything outside tags (an unterminated tag swallows the rest, as in browsers), with HTML character references
// decoded. `<v Name>` spans say who speaks.
import { decodeHTML } from 'entities';
import type { Piece } from './cues.ts';

type Token =
  | { type: 'text'; value: string }
  | { type: 'start'; name: string; annotation: string }
  | { type: 'end'; name: string }
  | { type: 'timestamp' };

/** Elements the cue text tree keeps; other start and end tags are dropped with no effect on the text. */
const ELEMENTS = new Set(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang']);

/** The cue's text in pieces, each with the voice it is inside (if any); line breaks are kept as `\n`. */
export function cuePieces(raw: string): Piece[] {
  const stack: { name: string; voice: string | undefined }[] = [];
  const pieces: Piece[] = [];
  for (const token of tokens(raw)) {
    const top = stack.at(-1);
    if (token.type === 'text') {
      const speaker = top?.voice;
      const last = pieces.at(-1);
      if (last && last.speaker === speaker) last.text += token.value;
      else pieces.push(speaker ? { text: token.value, speaker } : { text: token.value });
    } else if (token.type === 'start' && ELEMENTS.has(token.name)) {
      const voice = token.name === 'v' ? token.annotation || undefined : top?.voice;
      stack.push({ name: token.name, voice });
    } else if (token.type === 'end') {
      if (top?.name === token.name) stack.pop();
      else if (token.name === 'ruby' && top?.name === 'rt') stack.splice(-2);
    }
  }
  return pieces;
}

/** The cue's plain text: what a browser's `getCueAsHTML().textContent` holds. */
export function cuePlainText(raw: string): string {
  return cuePieces(raw)
    .map((piece) => piece.text)
    .join('');
}

function* tokens(input: string): Generator<Token> {
  let at = 0;
  while (at < input.length) {
    const open = input.indexOf('<', at);
    if (open !== at) {
      const end = open === -1 ? input.length : open;
      const text = input.slice(at, end);
      // Every character reference starts with "&"; most cue text has none to decode.
      yield { type: 'text', value: text.includes('&') ? decodeHTML(text) : text };
      at = end;
      continue;
    }
    const close = input.indexOf('>', at + 1);
    const inner = input.slice(at + 1, close === -1 ? input.length : close);
    at = close === -1 ? input.length : close + 1;
    yield tag(inner);
  }
}

/** One tag's inside, as the tag, start tag, class, annotation, end tag and timestamp states read it. */
function tag(inner: string): Token {
  if (inner.startsWith('/')) return { type: 'end', name: inner.slice(1) };
  if (/^\d/.test(inner)) return { type: 'timestamp' };
  // The name runs to the first whitespace or "."; classes to the first whitespace; the rest is the annotation.
  const space = inner.search(/[\t\n\f ]/);
  const head = space === -1 ? inner : inner.slice(0, space);
  const annotation =
    space === -1
      ? ''
      : decodeHTML(inner.slice(space + 1))
          .replace(/[\t\n\f\r ]+/g, ' ')
          .trim();
  const dot = head.indexOf('.');
  return { type: 'start', name: dot === -1 ? head : head.slice(0, dot), annotation };
}
