import type { Line, Link } from './markdown-text.ts';

// Where each link's label stands in a line of picks, and the picks between two places of it (picks.ts).

export function inLabel(places: readonly Place[], at: number): boolean {
  return places.some((place) => at >= place.at && at < place.at + place.length);
}

/**
 * The picks between two places of a line, asked for from its start to its end: "Gravity Falls cartoon, [Top
 * Coders](…)" is two, split at commas outside the links' labels ("[Thinking, Fast and Slow](…)" is one); "[Workshop](…)
 * with Dan Wahlin" is one link, with its words. Each link and comma is looked at once, so a long line costs its length.
 */
export function stretches(line: Line, places: readonly Place[]): (from: number, to: number) => Link[] {
  const commas = [...line.text.matchAll(/[,;]\s/g)].map((match) => match.index);
  let [place, comma] = [0, 0];
  const words = (a: number, b: number) =>
    line.text
      .slice(a, b)
      .replace(/^[\s,;.&*\\-]+|[\s,;.&*\\-]+$/g, '')
      .replace(/\s+/g, ' ');
  return (from, to) => {
    const picks: Link[] = [];
    const text = (a: number, b: number) => {
      const label = words(a, b);
      // "Go" is a pick; "a" or "&" between picks is not.
      if (label.length > 1 && /\p{L}/u.test(label)) picks.push({ label, url: '' });
    };
    while ((places[place]?.at ?? to) < from) place++;
    while ((commas[comma] ?? to) < from) comma++;
    let start = from;
    for (;;) {
      // A link without a label at the very end is the last of this stretch: `[](https://…) (Ann)`.
      const ahead = places[place];
      const link = ahead && (ahead.at < to || (ahead.length === 0 && ahead.at === to)) ? places[place++] : undefined;
      const at = link?.at ?? to;
      // The words before this link, up to its last comma, are picks without links.
      for (; (commas[comma] ?? at) < at; comma++) {
        text(start, commas[comma] ?? at);
        start = (commas[comma] ?? at) + 1;
      }
      if (!link) {
        text(start, to);
        return picks;
      }
      const close = link.at + link.length;
      while ((commas[comma] ?? close) < close) comma++;
      const next = Math.min(places[place]?.at ?? to, to);
      const after = Math.min(commas[comma] ?? next, next);
      picks.push({ ...link.link, label: words(start, after) || link.link.label });
      start = after;
    }
  };
}

export type Place = { link: Link; at: number; length: number };

/** Where each link's label stands in the line's text, and how long it is there (none for a link written without one). */
export function labelPlaces(line: Line): Place[] {
  return line.links.map((link, i) => {
    const at = line.linkAt?.[i] ?? 0;
    return { link, at, length: line.text.startsWith(link.label, at) ? link.label.length : 0 };
  });
}
