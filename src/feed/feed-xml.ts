import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FeedFormatError } from '../errors.ts';

/** What an `<item>` says, as written; feed-episode.ts makes an Episode of it. */
export type FeedItem = {
  /** Position in the feed, from 1, for messages. */
  number: number;
  fields: Partial<Record<ItemField, string>>;
  enclosure?: { url: string; type?: string };
  image?: string;
  episodeDisplay?: string;
  persons: { name: string; role?: string; group?: string }[];
  transcripts: { url: string; type?: string; language?: string; rel?: string }[];
  chapters?: { url: string; type?: string };
  categories: string[];
};

export type FeedChannel = { title?: string; language?: string; link?: string; image?: string };

type ItemField =
  | 'guid'
  | 'title'
  | 'pubDate'
  | 'link'
  | 'description'
  | 'content:encoded'
  | 'itunes:summary'
  | 'itunes:duration'
  | 'itunes:episode'
  | 'podcast:episode'
  | 'itunes:keywords'
  | 'itunes:title';

const ITEM_TEXT = new Set<string>([
  'guid',
  'title',
  'pubDate',
  'link',
  'description',
  'content:encoded',
  'itunes:summary',
  'itunes:duration',
  'itunes:episode',
  'podcast:episode',
  'itunes:keywords',
  'itunes:title',
  'podcast:person',
  'category',
]);
const CHANNEL_TEXT = new Set(['title', 'language', 'link']);

/** Namespaces by URI, so a feed that names them with other prefixes reads the same. */
const NAMESPACES: Record<string, string> = {
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'https://podcastindex.org/namespace/1.0': 'podcast',
  'https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md': 'podcast',
  'http://purl.org/rss/1.0/modules/content/': 'content',
};

/** Longest text of one element: a whole episode's HTML show notes fit in a fraction of it. */
export const MAX_ELEMENT_CHARS = 1024 * 1024;

/**
 * Reads a feed as it arrives, chunk by chunk, and hands over each item as soon as it closes: a feed of thousands of
 * items never sits in memory as a tree. XML entities beyond the five predefined ones are refused, never expanded
 * (saxes does not read DTDs), so a billion-laughs or external-entity document is an error, not a hang or a file read.
 */
export function feedReader(onItem: (item: FeedItem) => void) {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const channel: FeedChannel = {};
  const prefixes = new Map<string, string>();
  const stack: string[] = [];
  let item: FeedItem | undefined;
  let items = 0;
  let text: string[] | undefined;
  let textLength = 0;
  let person: { role?: string; group?: string } | undefined;
  let sawRss = false;
  let failure: Error | undefined;

  const name = (raw: string) => {
    const colon = raw.indexOf(':');
    if (colon === -1) return raw;
    const prefix = raw.slice(0, colon);
    return `${prefixes.get(prefix) ?? prefix}:${raw.slice(colon + 1)}`;
  };
  const fail = (message: string) => {
    throw new FeedFormatError(message);
  };
  const addText = (chunk: string) => {
    if (!text) return;
    textLength += chunk.length;
    if (textLength > MAX_ELEMENT_CHARS) {
      const where = item ? `item ${item.number}` : 'the channel';
      fail(`${where}: <${stack.at(-1)}> holds over ${MAX_ELEMENT_CHARS} characters of text; that is not show notes`);
    }
    text.push(chunk);
  };

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fail('it declares its own XML entities (<!DOCTYPE … <!ENTITY>), which podgrep never expands');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attributes = tag.attributes as Record<string, string>;
    if (stack.length === 0) {
      if (tag.name !== 'rss') fail(`expected an RSS feed (<rss><channel>…), found <${tag.name.slice(0, 40)}>`);
      sawRss = true;
      for (const [key, uri] of Object.entries(attributes)) {
        if (key.startsWith('xmlns:') && NAMESPACES[uri]) prefixes.set(key.slice(6), NAMESPACES[uri]);
      }
    }
    const local = name(tag.name);
    stack.push(local);
    const parent = stack.at(-2);
    if (local === 'item' && parent === 'channel') {
      item = { number: ++items, fields: {}, persons: [], transcripts: [], categories: [] };
      return;
    }
    if (item && parent === 'item') {
      const url = attributes.url?.trim() || attributes.href?.trim();
      if (local === 'enclosure' && url) item.enclosure ??= { url, ...(attributes.type ? { type: attributes.type } : {}) };
      else if (local === 'itunes:image' && url) item.image = url;
      else if (local === 'podcast:transcript' && url) item.transcripts.push({ url, ...pick(attributes, ['type', 'language', 'rel']) });
      else if (local === 'podcast:chapters' && url) item.chapters ??= { url, ...pick(attributes, ['type']) };
      if (local === 'podcast:episode' && attributes.display) item.episodeDisplay = attributes.display.trim();
      if (local === 'podcast:person') person = pick(attributes, ['role', 'group']);
      if (ITEM_TEXT.has(local)) (text = []), (textLength = 0);
      return;
    }
    if (!item && parent === 'channel') {
      if (local === 'itunes:image' && (attributes.href ?? '').trim()) channel.image = attributes.href!.trim();
      if (CHANNEL_TEXT.has(local)) (text = []), (textLength = 0);
    }
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const local = stack.pop();
    const parent = stack.at(-1);
    if (local === 'item' && parent === 'channel' && item) {
      const done = item;
      item = undefined;
      onItem(done);
      return;
    }
    if (!text || !local) return;
    const value = text.join('').trim();
    text = undefined;
    if (item && parent === 'item') {
      if (local === 'podcast:person') {
        if (value) item.persons.push({ name: value.replace(/\s+/g, ' ').slice(0, 200), ...person });
        person = undefined;
      } else if (local === 'category') {
        if (value) item.categories.push(value);
      } else if (value) {
        item.fields[local as ItemField] ??= value;
      }
    } else if (!item && parent === 'channel' && value) {
      (channel as Record<string, string>)[local] ??= value;
    }
  });
  parser.on('error', (error) => {
    failure ??= error;
    throw error;
  });

  const guarded = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (error instanceof FeedFormatError) throw error;
      // saxes says "1:99: undefined entity." — the position, then what was wrong.
      throw new FeedFormatError(`it is not well-formed XML (${(failure ?? (error as Error)).message.replace(/\.$/, '')})`, {
        cause: error,
      });
    }
  };
  return {
    channel,
    write(chunk: string) {
      guarded(() => parser.write(chunk));
    },
    /** Ends the document; throws when it was not an RSS feed at all. */
    close(): { items: number } {
      if (!sawRss && !failure) fail('it is empty, not an RSS feed');
      guarded(() => parser.close());
      return { items };
    },
  };
}

function pick(attributes: Record<string, string>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (attributes[key]?.trim()) out[key] = attributes[key].trim();
  return out;
}
