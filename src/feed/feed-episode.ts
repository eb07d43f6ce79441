import { createHash } from 'node:crypto';
import { type Chapter, chaptersFromNotes } from '../episode/chapters.ts';
import { readDate } from '../episode/dates.ts';
import { type Episode, readDuration, type TranscriptLink } from '../episode/episode.ts';
import { htmlToText } from '../episode/html-text.ts';
import { ItemError } from '../errors.ts';
import { richestFirst } from '../transcript/transcript-links.ts';
import type { FeedChannel, FeedItem } from './feed-xml.ts';

/**
 * An episode read from a feed. Beside the Episode every source gives: all the transcripts the item links (richest
 * chosen by the indexer), its chapters (from the show notes now, from `podcast:chapters` once fetched), its label.
 */
export type FeedEpisode = Episode & {
  transcripts: TranscriptLink[];
  label: string | undefined;
  chapters: Chapter[];
  chaptersUrl: string | undefined;
  image: string | undefined;
  guid: string;
};

export type FeedContext = {
  /** The feed's URL after redirects: relative enclosure and transcript URLs are resolved against it. */
  feedUrl: string;
  /** The facet value: `podcast:` in feeds.yml, else the channel's title. */
  podcast: string | undefined;
  channel: FeedChannel;
};

/** One `<item>` → an episode. Never touches the network: linked transcripts and chapters are fetched by the indexer. */
export function feedEpisode(item: FeedItem, context: FeedContext): FeedEpisode {
  const f = item.fields;
  const title = oneLine(f.title ?? f['itunes:title'] ?? '');
  if (!title) throw new ItemError(`item ${item.number} has no <title>`);
  const guid = f.guid ?? item.enclosure?.url ?? f.link ?? title;
  const html = f['content:encoded'] ?? f.description ?? f['itunes:summary'] ?? '';
  const notes = htmlToText(html);
  const audioUrl = item.enclosure ? absolute(item.enclosure.url, context.feedUrl) : undefined;
  const number = f['podcast:episode'] ?? f['itunes:episode'];
  const episodeNumber = number && /^\d{1,9}$/.test(number.trim()) ? Number(number) : undefined;
  const transcripts = item.transcripts.flatMap((link) => {
    const url = absolute(link.url, context.feedUrl);
    return url
      ? [
          {
            url,
            ...(link.type ? { type: link.type.toLowerCase() } : {}),
            ...(link.language ? { language: link.language.toLowerCase() } : {}),
          },
        ]
      : [];
  });
  const people = (roles: string[]) =>
    item.persons.filter((person) => roles.includes((person.role ?? 'host').toLowerCase())).map((person) => person.name);
  const tags = [...item.categories, ...(f['itunes:keywords'] ?? '').split(',')].map(oneLine).filter((tag) => tag && tag.length <= 60);
  const episode: FeedEpisode = {
    slug: '',
    guid,
    title: title.slice(0, 500),
    podcast: context.podcast ?? (context.channel.title ? oneLine(context.channel.title).slice(0, 200) : undefined),
    date: readDate(f.pubDate),
    episodeNumber,
    label: item.episodeDisplay ?? (number && episodeNumber === undefined ? oneLine(number).slice(0, 40) : undefined),
    durationSeconds: f['itunes:duration'] ? readDuration(f['itunes:duration']) : undefined,
    audioUrl,
    transcriptUrl: richestFirst(transcripts, context.channel.language)[0]?.url,
    transcripts,
    chapters: chaptersFromNotes(notes.text),
    chaptersUrl: item.chapters ? absolute(item.chapters.url, context.feedUrl) : undefined,
    image: absolute(item.image ?? context.channel.image ?? '', context.feedUrl),
    tags: [...new Set(tags)],
    summary: notes.text,
    panel: people(['host', 'co-host', 'cohost']),
    guests: people(['guest']),
    links: dedupe(notes.links),
    picks: [],
    sponsors: [],
    otherNotes: '',
  };
  return episode;
}

/**
 * The slug an item is known by in URLs: readable and stable, from the guid (which the RSS spec says never changes),
 * prefixed by the podcast so two feeds' "1", "2", "3" guids do not collide. A guid that does not read well as a URL
 * (long, or mostly punctuation) becomes a short hash of itself.
 */
export function slugOf(podcast: string | undefined, guid: string): string {
  const prefix =
    slugify(podcast ?? 'feed')
      .slice(0, 30)
      .replace(/-+$/, '') || 'feed';
  const tail = guid.replace(/^https?:\/\/[^/]+\/?/i, '');
  const readable = slugify(tail);
  const hash = createHash('sha256').update(guid).digest('hex').slice(0, 10);
  return `${prefix}-${readable && readable.length <= 40 ? readable : hash}`;
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Podcasting 2.0 JSON (word or segment times, speakers) > WebVTT > SubRip > HTML > plain text; the feed's language first. */
function absolute(url: string, base: string): string | undefined {
  if (!url.trim()) return undefined;
  const resolved = URL.parse(url.trim(), base);
  return resolved && (resolved.protocol === 'http:' || resolved.protocol === 'https:') ? resolved.href : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function dedupe<T extends { url: string }>(links: T[]): T[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && (seen.add(link.url), true));
}
