import type { Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import { htmlBlock, inlineTag } from './html-tags.ts';
import { type Line, LineBuilder, type Link } from './line-builder.ts';

export type { Line, Link } from './line-builder.ts';

// CommonMark with tables; raw HTML is read (by parse5, html-tags.ts), never passed through. Bare URLs are found by a pattern
// in text (line-builder.ts) rather than by linkify-it, whose patterns cost a third of the parse (measured), and only http(s) ones:
// "Sentry.io" in a sentence is a word, not a link.
const markdown = new MarkdownIt('default', { html: true, linkify: false });
// URLs are kept as written; percent-encoding and punycode (another quarter of the parse) are for rendering HTML.
markdown.normalizeLink = (url) => url;
markdown.normalizeLinkText = (text) => text;
// Every link is kept at parse time so its label stays text; which URLs become links is decided by safeUrl
// in line-builder.ts (markdown-it's own check guards the HTML it renders, which podgrep never uses).
markdown.validateLink = () => true;

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
        builder.depth = Number(token.tag.slice(1)) || 0;
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
        builder.end().continued = true;
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

/** The links of a list item. A label that says more than its one link is kept: "use the code devchat" is part of it. */
export function itemLinks(line: Line): Link[] {
  const links = line.links.map((link) => ({ ...link }));
  const first = links[0];
  // Not stray emphasis: "**[Docker](…)" of bold that did not close.
  if (first && links.length === 1 && /[\p{L}\p{N}]/u.test(line.outside)) first.label = `${first.label} ${line.outside}`;
  return links;
}

/** Text written in a field (a title, a description) with its Markdown and HTML reduced to plain words. */
export function plainText(text: string): string {
  return markdownLines(text)
    .map((line) => line.text)
    .join(' ')
    .trim();
}

/** The text of a `# heading` that opens the body, before any other line: a page's own title. */
export function openingHeading(markdown: string): string | undefined {
  const start = markdown.search(/\S/);
  const end = markdown.indexOf('\n', start);
  const line = start < 0 ? '' : markdown.slice(start, end < 0 ? undefined : end);
  if (!/^#[ \t]/.test(line)) return undefined;
  const text = plainText(line.slice(1).replace(/#+[ \t]*$/, ''))
    .replace(/\s+/g, ' ')
    .trim();
  // "# Show Notes" names a section, not the episode.
  return text && !/^(?:show\s*notes|notes|summary|description|links|panel|guests?|hosts?|transcript|about|episode)$/i.test(text)
    ? text
    : undefined;
}
