import { decodeHTML } from 'entities';
import { SAXParser } from 'parse5-sax-parser';
import type { LineBuilder } from './line-builder.ts';

// HTML in show notes, as blocks and as inline tags: text and links kept, everything else dropped.

/** Tags whose content is never text: scripts, styles and the like in show notes (here and in feeds: html-text.ts). */
export const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'head', 'title']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr']);
/** Tags that end a line of text; list items and headings do too, and are told apart where it matters. */
const BREAKS = new Set([
  'p',
  'div',
  'br',
  'tr',
  'table',
  'section',
  'article',
  'blockquote',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'hr',
  'pre',
  'figure',
]);
/**
 * An HTML block in show notes, read by a real HTML parser (parse5's SAX parser: the WHATWG tokenizer, no tree, so
 * deeply nested or unclosed tags cost linear time; htmlparser2's element stack measured quadratic here): text and
 * links kept, entities decoded, tags dropped, and the content of scripts and styles dropped with them.
 */
export function htmlBlock(fragment: string, builder: LineBuilder): void {
  const parser = new SAXParser();
  parser.on('startTag', (tag) => {
    openTag(tag.tagName, tag.attrs.find((attr) => attr.name === 'href')?.value, builder);
    if (tag.selfClosing && !VOID.has(tag.tagName)) closeTag(tag.tagName, builder);
  });
  parser.on('endTag', (tag) => closeTag(tag.tagName, builder));
  parser.on('text', (text) => builder.text(text.text));
  parser.end(fragment);
}

// markdown-it has already checked an inline tag against CommonMark's grammar for one HTML tag, so its name and an
// href are read with these anchored patterns, linear in the tag; a parser per tag cost 40 µs (100,000 `<b>`: 4 s).
const INLINE_OPEN = /^<([A-Za-z][A-Za-z0-9-]*)([^>]*?)(\/?)>$/;
const INLINE_CLOSE = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/;
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/** Inline HTML comes one tag per token (`<a href="…">`, then text, then `</a>`). */
export function inlineTag(tag: string, builder: LineBuilder): void {
  const close = INLINE_CLOSE.exec(tag);
  if (close?.[1]) return closeTag(close[1].toLowerCase(), builder);
  const open = INLINE_OPEN.exec(tag);
  if (!open?.[1]) return; // a comment, a declaration or a processing instruction: not text
  const name = open[1].toLowerCase();
  const href = HREF.exec(open[2] ?? '');
  openTag(name, href ? decodeHTML(href[1] ?? href[2] ?? href[3] ?? '') : undefined, builder);
  if (open[3] && !VOID.has(name)) closeTag(name, builder);
}

function openTag(name: string, href: string | undefined, builder: LineBuilder): void {
  if (HIDDEN.has(name)) builder.hidden++;
  else if (name === 'a' && href !== undefined) builder.openLink(href);
  else if (name === 'li') builder.end().kind = 'item';
  else if (/^h[1-6]$/.test(name)) {
    builder.end().kind = 'heading';
    builder.depth = Number(name.slice(1));
  } else if (name === 'strong' || name === 'b') builder.strong(true);
  else if (name === 'u') builder.underline(true);
  // `<br>` inside a paragraph, as a Markdown line break: the next line continues it (picks.ts reads a giver's name there).
  else if (name === 'br') builder.end().continue();
  else if (BREAKS.has(name)) builder.end();
}

/** Whether the element's end ends a line of text: a list item, a heading, a paragraph, a break… */
export function endsLine(name: string): boolean {
  return name === 'li' || /^h[1-6]$/.test(name) || BREAKS.has(name);
}

function closeTag(name: string, builder: LineBuilder): void {
  if (HIDDEN.has(name)) builder.hidden = Math.max(0, builder.hidden - 1);
  else if (name === 'a') builder.closeLink();
  else if (name === 'strong' || name === 'b') builder.strong(false);
  else if (name === 'u') builder.underline(false);
  else if (endsLine(name)) {
    builder.end();
    if (name !== 'br') builder.kind = 'text';
  }
}
