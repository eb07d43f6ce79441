import { SAXParser } from 'parse5-sax-parser';
import { endsLine, HIDDEN } from './html-tags.ts';
import { readHttpUrl } from './link-fields.ts';
import type { Link } from './show-notes.ts';

/** Elements that start and end a line of text. */

/**
 * Show notes in feeds are HTML (`description`, `content:encoded`, often in CDATA). They are untrusted: nothing of the
 * markup survives, only its text and its http(s) links, which become the summary and links as in Markdown show notes.
 * Read by the WHATWG tokenizer (parse5's SAX parser, as html-tags.ts reads HTML inside Markdown notes), so entities are
 * decoded as browsers do and a hostile feed's `<<<<…` or unclosed tags cost time linear in their size.
 */
export function htmlToText(html: string): { text: string; links: Link[] } {
  const links: Link[] = [];
  const out: string[] = [];
  let hidden = 0;
  let link: { href: string; label: string[] } | undefined;
  const closeLink = () => {
    if (!link) return;
    const label = link.label.join('').replace(/\s+/g, ' ').trim();
    const url = readHttpUrl(link.href);
    if (url) links.push({ label: label || url, url });
    link = undefined;
  };
  const parser = new SAXParser();
  parser.on('startTag', ({ tagName, attrs, selfClosing }) => {
    if (HIDDEN.has(tagName)) hidden += selfClosing ? 0 : 1;
    else if (hidden > 0) return;
    else if (tagName === 'a') {
      closeLink();
      link = { href: attrs.find((attr) => attr.name === 'href')?.value ?? '', label: [] };
      out.push(' ');
    } else if (endsLine(tagName)) out.push('\n');
  });
  parser.on('endTag', ({ tagName }) => {
    if (HIDDEN.has(tagName)) hidden = Math.max(0, hidden - 1);
    else if (hidden > 0) return;
    else if (tagName === 'a') {
      closeLink();
      out.push(' ');
    } else if (endsLine(tagName)) out.push('\n');
  });
  // Comments, doctypes and processing instructions have events of their own, which nothing listens to: they are dropped.
  parser.on('text', ({ text }) => {
    if (hidden > 0) return;
    out.push(text);
    link?.label.push(text);
  });
  parser.end(html);
  closeLink();
  const text = out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { text, links };
}
