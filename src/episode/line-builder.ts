import { decodeHTML } from 'entities';

// Lines of show notes as they are gathered, whether the words came from Markdown or from HTML inside it.

/** A link in the show notes. */
export type Link = { label: string; url: string };

/**
 * One line of show notes as a reader sees it: a heading, a list item, or a line of text. `text` is plain (markup
 * dropped, entities decoded, links as their labels); `outside` is the text that is not inside a link; `bold` is the
 * text of a line that is nothing but bold (`**Panel:**`), which show notes use as headings.
 */
export type Line = {
  kind: 'heading' | 'item' | 'text';
  text: string;
  links: Link[];
  outside: string;
  bold?: string;
  /** The line follows a line break inside the same paragraph or list item ("- [Zapier](…)⏎  **Charles Max Wood**"). */
  continued?: true;
  /** Where each link's label starts in `text`: "[A](…) (Ann)" has its "A" at 0, not in "Ann" (picks.ts). */
  linkAt?: number[];
  /** A heading's level, 1 to 6: "##### Zach" under "#### Picks" is someone's picks, not a section (show-notes.ts). */
  depth?: number;
};

// Bare URLs in the text (markdown-text.ts says why not linkify-it); http(s) only.
const BARE_URL = /\bhttps?:\/\/[^\s<>()\]]+[^\s<>()\].,;:!?'"]/g;

// Liquid (`{% include x %}`), Hugo shortcodes (`{{< figure >}}`) and Nunjucks tags are templates, not words. Bounded,
// so a line of unclosed `{%` costs linear time.
const TEMPLATE = /\{%[^%\n]{0,400}%\}|\{\{[<%][^\n]{0,400}?[%>]\}\}/g;

/** Gathers text into lines; a link's label and URL are kept as the line is built. */
export class LineBuilder {
  lines: Line[] = [];
  kind: Line['kind'] = 'text';
  /** Inside `<script>`, `<style>` and the like, whose content is not text; inline HTML opens and closes them across tokens. */
  hidden = 0;
  private parts: string[] = [];
  private outsideParts: string[] = [];
  private links: Link[] = [];
  private link: { url: string; label: string[]; at: number; part: number } | undefined;
  /** The length of the line's text before squashing, and where each kept link starts in it. */
  private rawLength = 0;
  private starts: number[] = [];
  private boldParts: string[] = [];
  /** Where an underline opened in the line being built; whether this paragraph's picks were underlined (underline). */
  private underlined: { parts: number; outside: number; bold: number; raw: number; links: number } | undefined;
  private underlinedPicks = false;
  private underlineOpen = false;
  private splitting = false;
  private boldDepth = 0;
  private plainOutsideBold = false;
  /** Set at a line break inside a paragraph: the next line continues it. */
  continued = false;
  /** The level of the heading being built. */
  depth = 0;

  text(raw: string, code = false): this {
    if (this.hidden > 0) return this;
    const text = code ? raw : raw.replace(TEMPLATE, ' ');
    const at = this.rawLength;
    this.parts.push(text);
    this.rawLength += text.length;
    if (this.link) this.link.label.push(text);
    else if (!code && text.includes('://')) {
      // A bare URL in the text is a link labelled by itself.
      const bare = (url: string, offset: number) => {
        this.links.push({ label: url, url });
        this.starts.push(at + offset);
        return '';
      };
      this.outsideParts.push(text.replace(BARE_URL, bare));
    } else this.outsideParts.push(text);
    if (this.boldDepth > 0) this.boldParts.push(text);
    else if (!/^[\s:]*$/.test(text)) this.plainOutsideBold = true;
    return this;
  }

  openLink(href: string): void {
    this.closeLink();
    this.link = { url: href, label: [], at: this.rawLength, part: this.parts.length };
  }

  closeLink(): void {
    const link = this.link;
    if (!link) return;
    this.link = undefined;
    // A name glued to the word before is apart: "[Nader Dabit](…)[Gant LaBorde](…)" is two names, "with[Tom](…)" two
    // words; "Ma[x Wood](…)" one. Only in the text: a word glued after a link ("[Tom](…)and") stays glued, and a bold
    // line keeps its words as written.
    if (/[\p{L}\p{N}]$/u.test(this.parts[link.part - 1] ?? '') && /^\p{Lu}/u.test(link.label.join(''))) {
      this.parts.splice(link.part, 0, ' ');
      this.rawLength++;
      link.at++;
    }
    const url = safeUrl(link.url);
    if (!url) return;
    this.links.push({ label: squash(link.label.join('')) || url, url });
    this.starts.push(link.at);
  }

  strong(open: boolean): this {
    this.boldDepth = Math.max(0, this.boldDepth + (open ? 1 : -1));
    return this;
  }

  /** The next line continues this one's paragraph or list item. */
  continue(): this {
    this.continued = true;
    return this;
  }

  /**
   * Notes converted from an old blog underline their headings inside one paragraph: "<u>Picks</u> <u>Kevin</u> Local
   * Stack <u>Nader</u> …". From an underlined "Picks" to the line's end, each underline is a line of its own, bold,
   * as a giver's name is in other notes (picks.ts); before it, an underline is only emphasis: "<u>Panel</u> Ann Lee Bo
   * Diaz" is one run. Headings and list items are left as they are.
   */
  underline(open: boolean): void {
    if (this.link || this.kind !== 'text') return;
    // What follows an underline is the picks, though bold too ("<u>Kevin</u> **Local Stack**"): only the name is bold.
    if (this.underlinedPicks) {
      if (open === this.underlineOpen) return;
      this.underlineOpen = open;
      this.split().strong(open).plainOutsideBold = !open;
      return;
    }
    const from = this.underlined;
    if (open || !from) {
      const { parts, outsideParts, boldParts, rawLength: raw, links } = this;
      this.underlined = open
        ? { parts: parts.length, outside: outsideParts.length, bold: boldParts.length, raw, links: links.length }
        : undefined;
      return;
    }
    // Bounded before the pattern: a long underlined run is no heading, and is not read twice.
    const tail = this.rawLength - from.raw <= 40 ? this.parts.slice(from.parts).join('') : '';
    if (!/^(?:Sick\s+)?Picks\s*:?$/i.test(tail.trim()) || this.links.length > from.links) return;
    this.parts.length = from.parts;
    this.outsideParts.length = from.outside;
    this.boldParts.length = from.bold;
    this.rawLength = from.raw;
    this.split().strong(true).text(tail).strong(false);
    this.split().plainOutsideBold = true;
    this.underlinedPicks = true;
  }

  /** Ends the line inside the paragraph, the next continuing it. */
  private split(): this {
    this.splitting = true;
    this.end();
    this.splitting = false;
    return this.continue();
  }

  end(): this {
    this.closeLink();
    const raw = this.parts.join('');
    const text = squash(raw);
    // "**" left of bold that did not close is no line.
    if (/[\p{L}\p{N}]/u.test(text) || this.links.length) {
      const bold = !this.plainOutsideBold && this.links.length === 0 ? squash(this.boldParts.join('')) : '';
      const outside = squash(this.outsideParts.join(''));
      this.lines.push({
        kind: this.kind,
        text,
        links: this.links,
        outside,
        ...(bold ? { bold } : {}),
        ...(this.continued ? { continued: true } : {}),
        ...(this.links.length ? { linkAt: squashedPlaces(raw, this.starts) } : {}),
        ...(this.kind === 'heading' && this.depth ? { depth: this.depth } : {}),
      });
    }
    this.continued = false;
    this.depth = 0;
    this.rawLength = 0;
    this.starts = [];
    this.parts = [];
    this.outsideParts = [];
    this.links = [];
    this.boldParts = [];
    this.plainOutsideBold = false;
    this.underlined = undefined;
    // The paragraph ends: so do its underlined picks, and an underline left open.
    if (!this.splitting && this.underlinedPicks) {
      if (this.underlineOpen) this.strong(false);
      [this.underlinedPicks, this.underlineOpen] = [false, false];
    }
    return this;
  }
}

/**
 * Where places in a text (ascending) stand once it is squashed: spaces in a row count once, and leading ones not. A link
 * that starts at a space starts, once squashed, at the word after it.
 */
function squashedPlaces(raw: string, places: number[]): number[] {
  const found: number[] = [];
  let [squashed, space, started] = [0, false, false];
  for (let i = 0, next = 0; next < places.length; i++) {
    if (i >= raw.length) {
      for (; next < places.length; next++) found.push(squashed);
      break;
    }
    if (/\s/.test(raw[i] ?? '')) {
      space = true;
      continue;
    }
    const at = squashed + (space && started ? 1 : 0);
    for (; next < places.length && (places[next] ?? 0) <= i; next++) found.push(at);
    [squashed, space, started] = [at + 1, false, true];
  }
  return found;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Links a listener may follow: web and mail links only (no `javascript:`, `data:` or `file:`), and page anchors dropped. */
function safeUrl(href: string): string | undefined {
  const url = decodeHTML(href).trim();
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : undefined;
}
