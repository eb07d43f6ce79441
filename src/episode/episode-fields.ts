import { isEmpty } from './field-values.ts';

/**
 * Where each of podgrep's episode fields is found in the front matter of real podcast sites (Jekyll, Hugo, Eleventy,
 * Astro), first match wins. Names are compared without case, `_` or `-`, so `PublishDate`, `publish_date` and
 * `publishDate` are one name. A site adds its own names in `podgrep.yml` (`fields: { audio: media_link }`); those
 * are tried first.
 */
export const FIELD_ALIASES = {
  title: ['title', 'name', 'episode_title'],
  podcast: ['podcast', 'show', 'show_slug'],
  slug: ['slug'],
  audio: [
    'audio_url',
    'audio',
    'audio_file',
    'file',
    'mp3',
    'enclosure',
    'podcast_file',
    'podcast_link',
    'media',
    'media_url',
    'url',
    'link',
    'episode_url',
    // Geeks in Progress (Hugo) writes `podcast: http://…/s01e08.mp3`; elsewhere `podcast` names the show.
    'podcast',
    'file_name',
  ],
  number: ['episode_number', 'number', 'episode', 'itunes_episode', 'ep'],
  date: ['pub_date', 'publish_date', 'published', 'published_at', 'date', 'publish_time', 'date_published', 'published_date'],
  duration: ['duration', 'podcast_duration', 'itunes_duration', 'length'],
  hosts: ['hosts', 'host', 'panel', 'panelists', 'host_ids'],
  guests: ['guests', 'guest', 'guest_ids'],
  // Everyone on the episode, hosts and guests alike (The Ridge's `speakers:`, Kodsnack's `people`, DevSecOps Talks'
  // `participants:`, nantyara's `actor_ids:` by id): people-field.ts.
  people: ['speakers', 'speaker', 'people', 'creators', 'voices', 'participants', 'actor_ids'],
  // Who wrote the episode's page: its host on most sites (A11y Rules, Castálio), read only where nothing else names one.
  authors: ['authors', 'author'],
  summary: ['description', 'summary', 'excerpt', 'subtitle'],
  // The notes themselves, where a site keeps them in the front matter and the body is empty.
  notes: ['shownotes', 'show_notes', 'notes', 'body', 'content'],
  picks: ['picks'],
  tags: ['tags', 'categories', 'keywords'],
  transcripts: ['transcripts', 'transcript', 'transcript_url'],
  draft: ['draft'],
} as const;

export type FieldName = keyof typeof FIELD_ALIASES;

/**
 * Fields whose alias can hold something that is not ours (`url` is often the page's address; `length` its bytes;
 * `transcript` an Astro collection entry's id).
 */
export const MAYBE_OTHER = new Set([
  'url',
  'link',
  'length',
  'published',
  'file',
  'media',
  'episode',
  'transcript',
  'podcast',
  'filename',
  'episodeurl',
]);

/** The front matter's fields by `fieldKey`, the first of each name; Zola keeps a site's own under `[extra]`, read after. */
export function fieldsOf(data: Record<string, unknown>): Map<string, [string, unknown]> {
  const fields = new Map<string, [string, unknown]>();
  const extra = data.extra && typeof data.extra === 'object' && !Array.isArray(data.extra) ? Object.entries(data.extra) : [];
  for (const [key, value] of [...Object.entries(data), ...extra]) if (!fields.has(fieldKey(key))) fields.set(fieldKey(key), [key, value]);
  return fields;
}

export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[_\s-]+/g, '');
}

/** The names tried for each field: the site's own first (from podgrep.yml), then the built-in ones. */
export function aliasesWith(custom: Partial<Record<FieldName, string | string[]>> = {}): Record<FieldName, string[]> {
  const result = {} as Record<FieldName, string[]>;
  for (const name of Object.keys(FIELD_ALIASES) as FieldName[]) {
    const own = custom[name];
    result[name] = [...(own === undefined ? [] : Array.isArray(own) ? own : [own]), ...FIELD_ALIASES[name]];
  }
  return result;
}

/** `podgrep.yml` in the episodes folder: how this site names its fields, and where relative audio names live (its `fields:` and `audio_prefix:` keys). */
export type SiteConfig = {
  fields: Partial<Record<FieldName, string[]>>;
  audioPrefix: string | undefined;
  /** `people:` — person id → name, for sites whose episodes name people by id (`guests = ["dzwieback"]`). */
  people: Record<string, string>;
  /** `people_folders:` — folders (or data files) of person files, relative to the episodes folder; unset: found by people-files.ts. */
  peopleFolders: string[] | undefined;
  /**
   * `hosts:` — who hosts each podcast (by its `podcast` value, `'*'` for every episode), for sites that name hosts in
   * their templates rather than in each episode: they join each episode's panel.
   */
  hosts: Record<string, string[]>;
};

export const SITE_CONFIG_EXAMPLE = `fields:
  audio: media_link
  guests: [featuring, with]
audio_prefix: https://media.example.com/episodes/
people_folders: [../guest, ../../data/hosts]
people:
  thess: Trevor Hess
hosts:
  syntax: [Wes Bos, Scott Tolinski]`;

/** Checks a parsed `podgrep.yml`; every problem is named at once, since the whole catalogue depends on it. */
export function siteConfig(file: string, data: unknown): SiteConfig {
  const problems: string[] = [];
  const config: SiteConfig = { fields: {}, audioPrefix: undefined, people: {}, peopleFolders: undefined, hosts: {} };
  const object =
    data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : data == null ? {} : undefined;
  if (!object) problems.push('expected a mapping with `fields:`');
  for (const [key, value] of Object.entries(object ?? {})) {
    if (key === 'fields') {
      const fields = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      if (!fields) problems.push('fields: expected a mapping such as `audio: media_link`');
      for (const [name, names] of Object.entries(fields ?? {})) {
        if (!(name in FIELD_ALIASES))
          problems.push(`fields.${name}: podgrep has no such field; known fields: ${Object.keys(FIELD_ALIASES).join(', ')}`);
        const list = Array.isArray(names) ? names : [names];
        if (!list.every((item) => typeof item === 'string' && item.trim()))
          problems.push(`fields.${name}: expected a field name or a list of them`);
        else config.fields[name as FieldName] = list as string[];
      }
    } else if (key === 'audio_prefix') {
      if (typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value.trim())) config.audioPrefix = value.trim();
      else problems.push('audio_prefix: expected an http(s) URL such as https://media.example.com/episodes/');
    } else if (key === 'people') {
      const people = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : undefined;
      if (!people?.every(([, name]) => typeof name === 'string' && name.trim()))
        problems.push('people: expected a mapping of person id to name such as `thess: Trevor Hess`');
      else config.people = Object.fromEntries(people.map(([id, name]) => [id, String(name).trim()]));
    } else if (key === 'people_folders') {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((item) => typeof item === 'string' && item.trim()))
        problems.push('people_folders: expected a folder or a list of folders such as ../guest');
      else config.peopleFolders = list.map((item) => String(item).trim());
    } else if (key === 'hosts') {
      const hosts = siteHosts(value);
      if (hosts) config.hosts = hosts;
      else problems.push('hosts: expected a list of names, or a mapping of podcast to names such as `syntax: [Wes Bos, Scott Tolinski]`');
    }
    // Other keys belong to other readers of the same file (`podcasts:` names podcasts for the page: podcast-names.ts).
  }
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}; expected for example:\n${SITE_CONFIG_EXAMPLE}`);
  return config;
}

/** `hosts: [A, B]` (every episode) or `hosts: {podcast: [A, B] | A}`; undefined when it is neither. */
function siteHosts(value: unknown): Record<string, string[]> | undefined {
  const names = (list: unknown): string[] | undefined => {
    const items = Array.isArray(list) ? list : [list];
    return items.every((item) => typeof item === 'string' && item.trim()) ? items.map((item) => String(item).trim()) : undefined;
  };
  if (Array.isArray(value)) {
    const all = names(value);
    return all && { '*': all };
  }
  if (!value || typeof value !== 'object') return undefined;
  const hosts: Record<string, string[]> = {};
  for (const [podcast, list] of Object.entries(value)) {
    const listed = names(list);
    if (!listed) return undefined;
    hosts[podcast] = listed;
  }
  return hosts;
}

/** What each field should hold, as a warning about a value that cannot be read says it. */
export const EXPECTED: Record<FieldName, string> = {
  title: 'a text',
  podcast: 'a text',
  slug: 'a text with letters or digits',
  audio: 'an http(s) URL or a path relative to the episode file',
  number: 'an episode number',
  date: 'a date such as 2019-07-09, 1562666400 or "July 9th, 2019"',
  duration: 'a duration such as 54:20, 1:02:03 or a number of seconds',
  hosts: 'a name, a list of names or of {name}',
  guests: 'a name, a list of names or of {name}',
  people: 'a name, a list of names or of {name}',
  authors: 'a name, a list of names or of {name}',
  summary: 'a text',
  notes: 'a text',
  picks: 'a list of {person, picks: [{title, website}]}',
  tags: 'a list of texts',
  transcripts: 'an http(s) URL or a list of {url, type}',
  draft: 'true or false',
};

/** Whether the front matter writes a value under one of these names, read or not (site-pages.ts). */
export function writesField(aliases: readonly string[], fields: ReadonlyMap<string, [string, unknown]>): boolean {
  return aliases.some((alias) => {
    const value = fields.get(fieldKey(alias))?.[1];
    // `url`, `link`, `published: true`… may be something else: those count only when read (episode.ts).
    return !MAYBE_OTHER.has(fieldKey(alias)) && !isEmpty(value) && typeof value !== 'boolean';
  });
}

const PERSON_PAGE = /^(?:guests?|hosts?|person|people|authors?|speakers?)$/i;

/**
 * Why a file among the episodes is a page of the site instead: Eleventy's word that it is in none of the site's lists
 * (devchat.tv's about.md), or a person's page (A11y Rules keeps `layout: guest` pages in `_posts`).
 */
export function pageNotEpisode(fields: ReadonlyMap<string, [string, unknown]>): string | undefined {
  if (fields.get('eleventyexcludefromcollections')?.[1] === true) return 'a page: eleventyExcludeFromCollections';
  const layout = fields.get('layout')?.[1] ?? fields.get('type')?.[1];
  return typeof layout === 'string' && PERSON_PAGE.test(layout) ? `a page: a person's (${layout})` : undefined;
}
