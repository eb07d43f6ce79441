import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readInside, realInside } from '../../adapters/files/safe-read.ts';
import type { SiteConfig } from '../../src/episode/episode-fields.ts';
import { readDataFile } from '../../src/episode/front-matter.ts';
import { type PeopleIds, peopleInDataFile, personFileName } from '../../src/episode/person-ids.ts';
import { EpisodeError } from '../../src/errors.ts';

/** Folder (and data file) names sites keep their people under: Hugo sections, `data/`, Jekyll collections. */
const PEOPLE_NAMES = [
  ...['guest', 'guests', 'host', 'hosts', 'people', 'person', 'panelists', 'speakers', 'authors', 'cast', 'actors'],
  ...['creators', 'contributors', 'team'],
];
/** A generator's config, where some sites keep their people under one of PEOPLE_NAMES (Jekyll's `actors:` map). */
const CONFIGS = ['_config.yml', 'config.toml', 'config.yaml', 'config.yml', 'config.json', 'hugo.toml', 'hugo.yaml', 'hugo.json'];
/** What marks the top of a site: a repository, or a static-site generator's own config. */
const SITE_MARKERS = [
  '.git',
  'hugo.toml',
  'hugo.yaml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  '_config.yml',
  'package.json',
  'go.mod',
];
const PERSON_FILE = /\.(md|markdown|toml|ya?ml|json)$/i;
/** A site's people are hundreds; the cap keeps a wrong folder (a whole `content/`) from reading without end. */
const MAX_PERSON_FILES = 20_000;

export type People = { ids: PeopleIds; sources: string[]; warnings: string[] };

/**
 * Who each person id names (person-ids.ts), from `people:` in podgrep.yml and from person files: the folders named by
 * `people_folders:`, or else the ones found beside the episodes folder (`../guest`, `../hosts`…) and in the site's
 * `data/` or `_data/` (`data/hosts/`, `_data/guests.yml`). Only files inside the site are read — the nearest folder
 * above EPISODES_DIR with a `.git`, `hugo.toml`, `_config.yml`, `package.json`… (or EPISODES_DIR itself) — through
 * readInside, so a person folder cannot lead to files elsewhere on the machine.
 */
export async function readPeople(dir: string, site: SiteConfig, maxBytes: number): Promise<People> {
  const root = await siteRoot(dir);
  const people: People = { ids: new Map(), sources: [], warnings: [] };
  const sources = site.peopleFolders ? await configured(dir, root, site.peopleFolders) : await detected(dir, root);
  for (const source of sources) {
    const before = people.ids.size;
    await readSource(source, root, maxBytes, people);
    if (people.ids.size > before || site.peopleFolders) people.sources.push(source);
  }
  for (const [id, name] of Object.entries(site.people)) people.ids.set(id.toLowerCase(), name);
  return people;
}

async function siteRoot(dir: string): Promise<string> {
  let folder = path.resolve(dir);
  for (let level = 0; level < 5; level++) {
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    if (SITE_MARKERS.some((marker) => names.includes(marker))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return path.resolve(dir);
}

async function configured(dir: string, root: string, folders: string[]): Promise<string[]> {
  const resolved: string[] = [];
  for (const folder of folders) {
    const full = path.resolve(dir, folder);
    try {
      await realInside(full, root);
    } catch (error) {
      const why = (error as Error).message.includes('outside') ? `it is outside the site (${root})` : 'it does not exist';
      throw new EpisodeError(
        path.join(dir, 'podgrep.yml'),
        `people_folders: ${folder} cannot be read: ${why}; person folders must be inside the site that holds the episodes`,
        { cause: error },
      );
    }
    resolved.push(full);
  }
  return resolved;
}

async function detected(dir: string, root: string): Promise<string[]> {
  const bases = [path.dirname(path.resolve(dir)), path.join(root, 'data'), path.join(root, '_data'), path.join(dir, '_data'), root];
  const found: string[] = [];
  for (const base of new Set(bases)) {
    // A sibling of the episodes folder counts only inside the site: never a folder above it.
    if (path.relative(root, base).startsWith('..')) continue;
    const names = new Set(await fs.readdir(base).catch(() => [] as string[]));
    for (const name of PEOPLE_NAMES) {
      // At the site's top, Jekyll's collections (`_guests/`) and data files (`speakers.json`): a plain `people/` folder
      // there could be anything.
      const files = [`${name}.yml`, `${name}.yaml`, `${name}.json`, `${name}.toml`];
      const candidates = base === root ? [`_${name}`, ...files] : [name, `_${name}`, ...files];
      for (const candidate of candidates) {
        const full = path.join(base, candidate);
        if (names.has(candidate) && full !== path.resolve(dir)) found.push(full);
      }
    }
    if (base === root) for (const config of CONFIGS) if (names.has(config)) found.push(path.join(root, config));
  }
  return found;
}

/** The people a site's config keeps under a key of PEOPLE_NAMES, at its top or in Hugo's `params` and Zola's `extra`. */
function peopleInConfig(data: unknown): [string, string][] {
  if (!data || typeof data !== 'object') return [];
  const tables = [data, ...['params', 'extra'].map((key) => (data as Record<string, unknown>)[key])];
  return tables.flatMap((table) =>
    table && typeof table === 'object'
      ? Object.entries(table).flatMap(([key, value]) => (PEOPLE_NAMES.includes(key.toLowerCase()) ? peopleInDataFile(value) : []))
      : [],
  );
}

async function readSource(source: string, root: string, maxBytes: number, people: People): Promise<void> {
  const read = async (file: string) => {
    const text = (await readInside(file, { root, maxBytes, limitName: 'EPISODE_MAX_BYTES', what: 'a person file' })).toString('utf8');
    return readDataFile(file, text);
  };
  const stat = await fs.stat(source).catch(() => undefined);
  try {
    if (stat?.isFile() && CONFIGS.includes(path.basename(source))) {
      // A config is read for its people only: one podgrep cannot parse is no person file gone wrong. An id a person file
      // already names keeps that name.
      const data = await read(source).catch(() => undefined);
      for (const [id, name] of peopleInConfig(data)) if (!people.ids.has(id.toLowerCase())) people.ids.set(id.toLowerCase(), name);
      return;
    }
    if (stat?.isFile()) {
      for (const [id, name] of peopleInDataFile(await read(source))) people.ids.set(id.toLowerCase(), name);
      return;
    }
    const entries: Dirent[] = await fs.readdir(source, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.slice(0, MAX_PERSON_FILES)) {
      // `<id>.md`, `<id>.yml`…, or a Hugo page bundle `<id>/index.md`; a section's own `_index.md` names nobody.
      const file = entry.isDirectory()
        ? path.join(source, entry.name, 'index.md')
        : PERSON_FILE.test(entry.name)
          ? path.join(source, entry.name)
          : undefined;
      const id = entry.isDirectory() ? entry.name : entry.name.replace(PERSON_FILE, '');
      // An id named in an earlier source is not read again (Hugo's `content/host/x.md` and `data/hosts/x.yml`), unless
      // that source gave only the id itself.
      const known = people.ids.get(id.toLowerCase());
      if (!file || id.startsWith('_') || id.startsWith('.') || /^readme$/i.test(id) || (known && known.toLowerCase() !== id.toLowerCase()))
        continue;
      if (entry.isDirectory() && !(await fs.stat(file).catch(() => undefined))) continue;
      try {
        const name = personFileName(id, await read(file));
        if (name) people.ids.set(id.toLowerCase(), name);
      } catch (error) {
        people.warnings.push(`${(error as Error).message.split('\n')[0]}; the person "${id}" is shown by id`);
      }
    }
  } catch (error) {
    people.warnings.push(`${(error as Error).message.split('\n')[0]}; its people are shown by id`);
  }
}
