import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** A link in the show notes. */
export type Link = { label: string; url: string };

/**
 * One line of show notes as a reader sees it: a heading, a list item, or a line of text. `text` is plain (markup
 * dropped, entities decoded, links as their labels); `outside` is the text that is not inside a link; `bold` is the
 * text of a line that is nothing but bold (`**Panel:**`), which show notes use as headings.
 */
export type Line = { kind: 'heading' | 'item' | 'text'; text: string; links: Link[]; outside: string; bold?: string };

// CommonMark with tables; raw HTML is read (by htmlparser2 below), never passed through. Linkify finds bare http(s)
// URLs only: "Sentry.io" in a sentence is a word, not a link.
const markdown = new MarkdownIt('default', { html: true, linkify: true });
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
// Every link is kept at parse time so its label stays text; which URLs become links is decided by safeUrl below
// (markdown-it's own check guards the HTML it renders, which podgrep never uses).
markdown.validateLink = () => true;

/** Tags whose content is never text: scripts, styles and the like in show notes. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'head', 'title']);
const BREAKS = new Set(['p', 'div', 'br', 'tr', 'table', 'section', 'article', 'blockquote', 'ul', 'ol', 'dl', 'dt', 'dd', 'hr', 'pre', 'figure']);
// Liquid (`{% include x %}`), Hugo shortcodes (`{{< figure >}}`) and Nunjucks tags are templates, not words. Bounded,
// so a line of unclosed `{%` costs linear time.
const TEMPLATE = /\{%[^%\n]{0,400}%\}|\{\{[<%][^\n]{0,400}?[%>]\}\}/g;

/** The show notes' lines, in order. Linear in the input: markdown-it and htmlparser2 both are (bench/markdown.ts). */
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
        html(token.content, builder);
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
        html(child.content, builder);
        break;
      // Images are not words; their alt text would read as noise in a snippet.
    }
  }
}

/** HTML in show notes, read by a real HTML parser: text and links kept, entities decoded, tags and scripts gone. */
function html(fragment: string, builder: LineBuilder): void {
  // Inline HTML comes one tag per token, and a parser given `</a>` alone ignores it: closing tags are handled here.
  const closing = /^<\/([a-z][a-z0-9]*)\s*>$/i.exec(fragment.trim())?.[1]?.toLowerCase();
  if (closing) {
    if (HIDDEN.has(closing)) builder.hidden = Math.max(0, builder.hidden - 1);
    else if (closing === 'a') builder.closeLink();
    else if (closing === 'strong' || closing === 'b') builder.strong(false);
    else if (BREAKS.has(closing)) builder.end();
    return;
  }
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN.has(name)) builder.hidden++;
        else if (name === 'a' && attributes.href !== undefined) builder.openLink(attributes.href);
        else if (name === 'li') builder.end().kind = 'item';
        else if (/^h[1-6]$/.test(name)) builder.end().kind = 'heading';
        else if (name === 'strong' || name === 'b') builder.strong(true);
        else if (BREAKS.has(name)) builder.end();
      },
      onclosetag(name, implied) {
        // A tag the parser closes for us at the end of a fragment is still open in the show notes (inline HTML).
        if (implied) return;
        if (HIDDEN.has(name)) builder.hidden = Math.max(0, builder.hidden - 1);
        else if (name === 'a') builder.closeLink();
        else if (name === 'strong' || name === 'b') builder.strong(false);
        else if (name === 'li' || /^h[1-6]$/.test(name) || BREAKS.has(name)) {
          builder.end();
          if (name !== 'br') builder.kind = 'text';
        }
      },
      ontext(text) {
        builder.text(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.end(fragment);
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
    else this.outsideParts.push(text);
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
