import { decodeHTML } from 'entities';
import type { Pick } from './picks.ts';

// How episode front matter values are read, whatever field they are found under (episode.ts picks the field).

const DEGREE = /^(?:M\.?D\.?|Ph\.?D\.?|D\.?O\.?|DPT|PT|R\.?N\.?|NP|PA-C|MSc?|MBA|MPH|DDS|DVM|PsyD|LCSW|Esq\.?|Jr\.?|Sr\.?|I{2,3})$/;

/** Keys a hostile file may write to look like a person: no one's name. */
const OBJECT_KEY = /^(?:__proto__|constructor|prototype)$/;

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export function unique(names: string[]): string[] {
  return [...new Set(names.filter(Boolean))];
}

export function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return decodeHTML(value).replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** A whole number, or the number as written when it is not one (`Bonus`, `036A`): the episode's label. */
export function readNumber(value: unknown): number | string | undefined {
  // YAML reads `059` as 59 and `"059"` as text; both are the 59th episode.
  if (typeof value === 'string' && /^\s*#?\d{1,9}\s*$/.test(value)) return Number(value.replace(/[#\s]/g, ''));
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : String(value);
  const label = readText(value);
  return label && label.length <= 40 ? label : undefined;
}

/**
 * A person's name from text or `{ name }` (Syntax's `guest:` object); lists of either. An object without a name
 * refers to a person file by id, as Astro content collections do (`{ person: bkromhout, snapshot: … }`, `{ id }`):
 * the id, which person-ids.ts turns into the name.
 */
export function readPeople(value: unknown): string[] | undefined {
  // `hosts = ["thess", ""]`: an empty entry is a site's placeholder, not a bad value.
  const list = (Array.isArray(value) ? value : [value]).filter((item) => !isEmpty(item));
  const names = list.flatMap((item): (string | undefined)[] => {
    // "Svetlana Blitshteyn, M.D." is one person: a degree after the comma is no second name.
    if (typeof item === 'string')
      return item
        .split(/\s*(?:[,;&]|\band\b)\s*/)
        .filter((part) => !DEGREE.test(part))
        .map((name) => readText(name));
    if (item && typeof item === 'object') {
      const { name, title, person, id, slug } = item as Record<string, unknown>;
      const written = name ?? title ?? person ?? id ?? slug;
      // mozaic.fm's `guests: { konpyu: https://twitter.com/konpyu }`: each person by handle, with a link to them; Free the
      // Geek's `guests: { "Cal Evans": { email: …, twitter: calevans } }`, by name, with how to reach them.
      const reach = (about: unknown) =>
        typeof about === 'string' ? /^https?:\/\//.test(about) : Boolean(about) && typeof about === 'object' && !Array.isArray(about);
      // Binärgewitter's `voices: { madmas: true, l33tname: false }`: who was on, by id.
      if (written === undefined && Object.values(item).every((on) => typeof on === 'boolean'))
        return Object.entries(item).flatMap(([id, on]) => (on && !OBJECT_KEY.test(id) ? [readText(id)] : []));
      if (written === undefined && Object.values(item).every(reach))
        return Object.keys(item).flatMap((handle) => (OBJECT_KEY.test(handle) ? [] : [readText(handle)]));
      return [readText(written)];
    }
    return [undefined];
  });
  return names.every((name) => name !== undefined) ? names.filter((name) => name !== '') : undefined;
}

/**
 * The people a value writes under `name:` or `title:` (Syntax's `guest: { name: bdougie }`): names, even when one looks
 * like an id, so a person file that does not exist for them is nothing to warn about (person-ids.ts).
 */
export function namesWrittenAsNames(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((item) => {
    if (!item || typeof item !== 'object') return [];
    const { name, title } = item as Record<string, unknown>;
    const text = readText(name ?? title);
    return text ? [text] : [];
  });
}

export function readTags(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]).filter((item) => !isEmpty(item));
  // `- penn & teller: bullshit!` in a list of tags is YAML's one-key map; the site meant the text it wrote.
  const tags = list.map((item) => readText(oneKeyMap(item) ?? item));
  return tags.every((tag) => tag !== undefined) ? tags.filter((tag) => tag !== '') : undefined;
}

/** `true`, `false`, or the same written as text (`draft: "false"`); anything else is no flag. */
export function readFlag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : value === 'true' || value === 'false' ? value === 'true' : undefined;
}

/** `{ "penn & teller": "bullshit!" }` as it was written, "penn & teller: bullshit!"; undefined for anything else. */
function oneKeyMap(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  const [key, text] = entries[0] ?? [];
  return entries.length === 1 && key && (typeof text === 'string' || typeof text === 'number') ? `${key}: ${text}` : undefined;
}

/**
 * Picks kept in the front matter, a list of who gave them and what (Enjoy the Vue's `picks: [{ person: Chris Fritz,
 * picks: [{ title: Stardew Valley, website: https://… }] }]`). Only http(s) links are kept as links.
 */
export function readPicks(value: unknown): Pick[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const picks: Pick[] = [];
  for (const giver of value) {
    if (!giver || typeof giver !== 'object') return undefined;
    const { person, name, picks: items = [] } = giver as Record<string, unknown>;
    const who = readText(person ?? name);
    if (!who || !Array.isArray(items)) return undefined;
    for (const item of items) {
      const { title, label, website, url, link } = (item && typeof item === 'object' ? item : { title: item }) as Record<string, unknown>;
      const what = readText(title ?? label);
      const href = [website, url, link].find((at): at is string => typeof at === 'string' && /^https?:\/\//i.test(at.trim()));
      if (what) picks.push({ person: who, label: what, url: href?.trim() ?? '' });
    }
  }
  return picks;
}
