import { decodeHTML } from 'entities';
import MarkdownIt from 'markdown-it';
import { SAXParser } from 'parse5-sax-parser';
import type { Token } from 'markdown-it';

/** A link in the show notes. */
export type Link = { label: string; url: string };

/**
 * One line of show notes as a reader sees it: a heading, a list item, or a line of text. `text` is plain (markup
 * dropped, entities decoded, links as their labels); `outside` is the text that is not inside a link; `bold` is the
 * text of a line that is nothing but bold (`**Panel:**`), which show notes use as headings.
 */
export type Line = { kind: 'heading' | 'item' | 'text'; text: string; links: Link[]; outside: string; bold?: string };

// CommonMark with tables; raw HTML is read (by parse5 below), never passed through. Bare URLs are found by BARE_URL
// in text rather than by linkify-it, whose patterns cost a third of the parse (measured), and only http(s) ones:
// "Sentry.io" in a sentence is a word, not a link.
const markdown = new MarkdownIt('default', { html: true, linkify: false });
// URLs are kept as written; percent-encoding and punycode (another quarter of the parse) are for rendering HTML.
markdown.normalizeLink = (url) => url;
markdown.normalizeLinkText = (text) => text;
const BARE_URL = /\bhttps?:\/\/[^\s<>()\]]+[^\s<>()\].,;:!?'"]/g;
// Every link is kept at parse time so its label stays text; which URLs become links is decided by safeUrl below
// (markdown-it's own check guards the HTML it renders, which podgrep never uses).
markdown.validateLink = () => true;

/** Tags whose content is never text: scripts, styles and the like in show notes. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'head', 'title']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr']);
const BREAKS = new Set(['p', 'div', 'br', 'tr', 'table', 'section', 'article', 'blockquote', 'ul', 'ol', 'dl', 'dt', 'dd', 'hr', 'pre', 'figure']);
// Liquid (`{% include x %}`), Hugo shortcodes (`{{< figure >}}`) and Nunjucks tags are templates, not words. Bounded,
// so a line of unclosed `{%` costs linear time.
const TEMPLATE = /\{%[^%\n]{0,400}%\}|\{\{[<%][^\n]{0,400}?[%>]\}\}/g;

/** The show notes' lines, in order. Linear in the input: markdown-it and parse5's tokenizer both are (tests/unit/linear-parsing.test.ts). */
export function markdownLines(text: string): Line[] {
  const builder = new LineBuilder();
  const tokens = markdown.parse(text, {});
  let itemDepth = 0;
  for (const token of tokens) {
    switch (token.type) {
      case 'list_item_open':
        itemDepth++;
        builder.kind = 'item';
        break;
      case 'list_item_close':
        itemDepth--;
        builder.end();
        break;
      case 'paragraph_open':
        builder.kind = itemDepth > 0 ? 'item' : 'text';
        break;
      case 'heading_open':
        builder.kind = 'heading';
        break;
      case 'heading_close':
        builder.end();
        break;
      case 'paragraph_close':
        builder.end();
        // An inline <script> left open hides the rest of its paragraph, not the rest of the notes.
        builder.hidden = 0;
        break;
      case 'inline':
        inline(token.children ?? [], builder);
        break;
      case 'code_block':
      case 'fence':
        for (const line of token.content.split('\n')) builder.text(line).end();
        break;
      case 'html_block':
        htmlBlock(token.content, builder);
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        builder.end();
        break;
    }
    if (token.type.endsWith('_close') || token.type === 'code_block' || token.type === 'fence' || token.type === 'html_block') {
      builder.kind = itemDepth > 0 ? 'item' : 'text';
    }
  }
  builder.end();
  return builder.lines;
}

function inline(children: Token[], builder: LineBuilder): void {
  for (const child of children) {
    switch (child.type) {
      case 'text':
        builder.text(child.content);
        break;
      case 'code_inline':
        builder.text(child.content, true);
        break;
      case 'softbreak':
      case 'hardbreak':
        builder.end();
        break;
      case 'link_open':
        builder.openLink(String(child.attrGet('href') ?? ''));
        break;
      case 'link_close':
        builder.closeLink();
        break;
      case 'strong_open':
        builder.strong(true);
        break;
      case 'strong_close':
        builder.strong(false);
        break;
      case 'html_inline':
        inlineTag(child.content.trim(), builder);
        break;
      // Images are not words; their alt text would read as noise in a snippet.
    }
  }
}

/**
 * An HTML block in show notes, read by a real HTML parser (parse5's SAX parser: the WHATWG tokenizer, no tree, so
 * deeply nested or unclosed tags cost linear time; htmlparser2's element stack measured quadratic here): text and
 * links kept, entities decoded, tags dropped, and the content of scripts and styles dropped with them.
 */
function htmlBlock(fragment: string, builder: LineBuilder): void {
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
function inlineTag(tag: string, builder: LineBuilder): void {
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
  else if (/^h[1-6]$/.test(name)) builder.end().kind = 'heading';
  else if (name === 'strong' || name === 'b') builder.strong(true);
  else if (BREAKS.has(name)) builder.end();
}

function closeTag(name: string, builder: LineBuilder): void {
  if (HIDDEN.has(name)) builder.hidden = Math.max(0, builder.hidden - 1);
  else if (name === 'a') builder.closeLink();
  else if (name === 'strong' || name === 'b') builder.strong(false);
  else if (name === 'li' || /^h[1-6]$/.test(name) || BREAKS.has(name)) {
    builder.end();
    if (name !== 'br') builder.kind = 'text';
  }
}

/** Gathers text into lines; a link's label and URL are kept as the line is built. */
class LineBuilder {
  lines: Line[] = [];
  kind: Line['kind'] = 'text';
  /** Inside `<script>`, `<style>` and the like, whose content is not text; inline HTML opens and closes them across tokens. */
  hidden = 0;
  private parts: string[] = [];
  private outsideParts: string[] = [];
  private links: Link[] = [];
  private link: { url: string; label: string[] } | undefined;
  private boldParts: string[] = [];
  private boldDepth = 0;
  private plainOutsideBold = false;

  text(raw: string, code = false): this {
    if (this.hidden > 0) return this;
    const text = code ? raw : raw.replace(TEMPLATE, ' ');
    this.parts.push(text);
    if (this.link) this.link.label.push(text);
    else if (!code && text.includes('://')) {
      // A bare URL in the text is a link labelled by itself.
      this.outsideParts.push(text.replace(BARE_URL, (url) => (this.links.push({ label: url, url }), '')));
    } else this.outsideParts.push(text);
    if (this.boldDepth > 0) this.boldParts.push(text);
    else if (!/^[\s:]*$/.test(text)) this.plainOutsideBold = true;
    return this;
  }

  openLink(href: string): void {
    this.closeLink();
    this.link = { url: href, label: [] };
  }

  closeLink(): void {
    const link = this.link;
    if (!link) return;
    this.link = undefined;
    const url = safeUrl(link.url);
    if (!url) return;
    this.links.push({ label: squash(link.label.join('')) || url, url });
  }

  strong(open: boolean): void {
    this.boldDepth = Math.max(0, this.boldDepth + (open ? 1 : -1));
  }

  end(): this {
    this.closeLink();
    const text = squash(this.parts.join(''));
    if (text || this.links.length) {
      const bold = !this.plainOutsideBold && this.links.length === 0 ? squash(this.boldParts.join('')) : '';
      this.lines.push({ kind: this.kind, text, links: this.links, outside: squash(this.outsideParts.join('')), ...(bold ? { bold } : {}) });
    }
    this.parts = [];
    this.outsideParts = [];
    this.links = [];
    this.boldParts = [];
    this.plainOutsideBold = false;
    return this;
  }
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Links a listener may follow: web and mail links only (no `javascript:`, `data:` or `file:`), and page anchors dropped. */
function safeUrl(href: string): string | undefined {
  const url = decodeHTML(href).trim();
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : undefined;
}

/** Text written in a field (a title, a description) with its Markdown and HTML reduced to plain words. */
export function plainText(text: string): string {
  return markdownLines(text)
    .map((line) => line.text)
    .join(' ')
    .trim();
}
