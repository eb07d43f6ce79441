import type { TranscriptLink } from '../episode/episode.ts';

/** Richest first: Podcasting 2.0 JSON (word or segment times, speakers) > WebVTT > SubRip > HTML > plain text. */
const RANKS: [RegExp, RegExp][] = [
  [/json/i, /\.json$/i],
  [/vtt/i, /\.vtt$/i],
  [/srt|subrip/i, /\.srt$/i],
  [/html/i, /\.html?$/i],
  [/text\/plain/i, /\.txt$/i],
];

/**
 * The links in the order to try them. With the channel's `language`, a transcript in another language goes after every
 * one in it, whatever its format.
 */
export function richestFirst(links: TranscriptLink[], language?: string): TranscriptLink[] {
  const rank = (link: TranscriptLink) => {
    const pathname = link.url.replace(/[?#].*$/, '');
    const found = RANKS.findIndex(([type, extension]) => (link.type ? type.test(link.type) : extension.test(pathname)));
    const otherLanguage = language && link.language && !link.language.toLowerCase().startsWith(language.toLowerCase().slice(0, 2)) ? 10 : 0;
    return (found < 0 ? RANKS.length : found) + otherLanguage;
  };
  return links
    .map((link, index) => ({ link, index, rank: rank(link) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.link);
}
