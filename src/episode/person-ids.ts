import type { Episode } from './episode.ts';
import { fieldKey } from './episode-fields.ts';
import { personName } from './people.ts';
import { nameOfSlug } from './people-field.ts';
import { personOfUnknownId } from './person-id-slips.ts';

/**
 * Sites that keep a page or data file per person name people in episodes by that file's id: Hugo's
 * `guests = ["dzwieback"]` is `content/guest/dzwieback.md` (`Title = "Dave Zwieback"`), its hosts
 * `data/hosts/thess.yml` (`FullName: …`). This turns such files into an id → name map and episodes' ids into names.
 * Pure: the indexer reads the files (people-files.ts) and hands their parsed data here.
 */
export type PeopleIds = Map<string, string>;

// A full name before a bare `name`: ADO's data files hold `Name: bkromhout` (the id) beside `FullName`.
const NAME_FIELDS = ['fullname', 'displayname', 'name', 'title'];

/**
 * The person's name from one person file's fields: a name other than the id first (`FullName` beside ADO's
 * `Name: bkromhout`), else the id as the file writes it (Jupiter Broadcasting's `title: Wolfgang`, `title: chzbacon`:
 * some people go by their handle). Undefined when the file names nobody.
 */
export function personFileName(id: string, data: unknown): string | undefined {
  if (typeof data === 'string') return clean(data);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const fields = new Map(Object.entries(data).map(([key, value]) => [fieldKey(key), value]));
  let handle: string | undefined;
  for (const key of NAME_FIELDS) {
    const value = fields.get(key);
    const name = typeof value === 'string' ? clean(value) : undefined;
    if (name && name.toLowerCase() !== id.toLowerCase()) return name;
    handle ??= name;
  }
  return handle;
}

/**
 * The people in one data file that lists many (`_data/guests.yml`): a mapping of id → name or → `{ name }`, or a list
 * of `{ id | slug | key | handle, name }`.
 */
export function peopleInDataFile(data: unknown): [string, string][] {
  const found: [string, string][] = [];
  if (Array.isArray(data)) {
    for (const item of data) {
      if (!item || typeof item !== 'object') continue;
      const fields = new Map(Object.entries(item).map(([key, value]) => [fieldKey(key), value]));
      const id = ['id', 'slug', 'key', 'handle', 'username']
        .map((key) => fields.get(key))
        .find((value) => typeof value === 'string' || typeof value === 'number');
      const name = id === undefined ? undefined : personFileName(String(id), item);
      if (id !== undefined && name) found.push([String(id), name]);
    }
  } else if (data && typeof data === 'object') {
    for (const [id, value] of Object.entries(data)) {
      const name = personFileName(id, value);
      if (name) found.push([id, name]);
    }
  }
  return found;
}

/** Looks like an id rather than a name: one lowercase word of letters, digits, `-`, `_` or `.` (`dzwieback`, `jane_doe`). */
export function looksLikeId(value: string): boolean {
  return /^[\p{Ll}\p{N}][\p{Ll}\p{N}_.-]*$/u.test(value);
}

/**
 * The episode with every panel and guest entry that is a known id replaced by the person's name (ids compared without
 * case). An id-like entry that no person file names is shown as the name its words spell (`nameOfSlug`), or as
 * written, and warned about when the site has person files — unless the episode wrote it as a name (`writtenNames`:
 * `guest: { name: bdougie }`), which needs no person file.
 */
export function withPeopleNames(
  episode: Episode,
  people: PeopleIds,
  warn: (message: string) => void,
  writtenNames: readonly string[] = [],
): Episode {
  let words: string | undefined;
  const rename = (names: string[], field: string) => {
    let changed = false;
    const renamed = names.map((name) => {
      // `jturnbull2`: sites number a person's later pages (`bkromhout3.md`); a number no file has falls back to the first.
      const found =
        people.get(name.toLowerCase()) ?? (looksLikeId(name) ? people.get(name.toLowerCase().replace(/[-_]?\d+$/, '')) : undefined);
      if (found) {
        changed = true;
        return found;
      }
      if (!looksLikeId(name) || writtenNames.includes(name)) return name;
      words ??= `${episode.title}\n${episode.summary}\n${episode.otherNotes}`;
      const person = people.size ? personOfUnknownId(name, people, words) : undefined;
      const spelled = person ? undefined : nameOfSlug(name);
      if (spelled) changed = true;
      // A site without person files names people by slug on purpose; one with them has a file missing.
      if (!person && people.size) warn(`${field}: "${name}" is not the id of any person file; it is shown as ${spelled ?? 'written'}`);
      if (!person) return spelled ?? name;
      changed = true;
      warn(`${field}: "${name}" is not the id of any person file; ${person.why}: ${person.name}`);
      return person.name;
    });
    return changed ? [...new Set(renamed)] : names;
  };
  const panel = rename(episode.panel, 'hosts');
  const named = rename(episode.guests, 'guests');
  // Jupiter Broadcasting's `hosts: ["ajude"]` beside notes that call Allan Jude a guest: one person, the host.
  const guests = panel === episode.panel ? named : named.filter((guest) => !panel.some((host) => personName(host) === personName(guest)));
  return panel === episode.panel && guests === episode.guests ? episode : { ...episode, panel, guests };
}

function clean(text: string): string | undefined {
  return text.replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * The podcast's hosts (`hosts:` in podgrep.yml) are the episode's panel when the episode names no host or panelist
 * itself: they stand for what the site's templates print. An episode that names its hosts (Syntax's later episodes:
 * `hosts: [stolinski, w3cj]`) keeps them as written, since a regular host is sometimes away.
 */
export function withHosts(episode: Episode, hosts: Record<string, string[]>): Episode {
  if (episode.panel.length) return episode;
  const add = [...(hosts[episode.podcast ?? ''] ?? []), ...(hosts['*'] ?? [])];
  const guests = new Set(episode.guests.map((name) => name.toLowerCase()));
  const missing = add.filter((name) => !guests.has(name.toLowerCase()));
  return missing.length ? { ...episode, panel: [...new Set(missing)] } : episode;
}
