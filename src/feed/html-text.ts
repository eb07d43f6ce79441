import type { Link } from '../episode/show-notes.ts';

/**
 * Show notes in feeds are HTML (`description`, `content:encoded`, often in CDATA). They are untrusted: nothing of the
 * markup survives, only its text and its http(s) links, which become the summary and links as in Markdown show notes.
 */
export function htmlToText(html: string): { text: string; links: Link[] } {
  const links: Link[] = [];
  // Whatever a script or style holds is not show notes; comments neither.
  let body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|iframe|object|template|head)\b[\s\S]*?<\/\1\s*>/gi, '');
  body = body.replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_whole, attributes: string, inner: string) => {
    const label = inlineText(inner);
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const url = safeUrl(decodeEntities(href?.[1] ?? href?.[2] ?? href?.[3] ?? ''));
    if (url) links.push({ label: label || url, url });
    return ` ${label} `;
  });
  const text = decodeEntities(
    body
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|table|section|pre)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { text, links };
}

/** Text inside one element, on one line. */
function inlineText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function safeUrl(value: string): string | undefined {
  const url = URL.parse(value.trim());
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : undefined;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  bull: '•',
  middot: '·',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  ccedil: 'ç',
  ntilde: 'ñ',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  euro: '€',
  pound: '£',
  deg: '°',
  times: '×',
  shy: '',
};

/** HTML's character references: numeric ones all, named ones that show notes use. An unknown name stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name] ?? NAMED[name.toLowerCase()] ?? whole;
  });
}
