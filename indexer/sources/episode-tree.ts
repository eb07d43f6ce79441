import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

// Which files under EPISODES_DIR are read at all (read-episodes.ts reads them): the folder walk, and the names that
// are never episodes whatever they hold.

// MDX (devtools.fm's Next.js pages) is Markdown with imports and JSX: read as Markdown, never run (front-matter.ts).
export const EPISODE_FILE = /\.(md|markdown|mdx)$/i;
/** Folders that hold no episodes: dependencies and the build output of Jekyll, Hugo, Eleventy and Astro. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '_site',
  'public',
  'dist',
  'build',
  'resources',
  'vendor',
  '_includes',
  '_layouts',
  '_data',
]);
/** Not episodes by name: a repository's own files, Hugo's section page, and the template new episodes are copied from. */
export const NOT_EPISODES = /^(readme|license|licence|changelog|contributing|code_of_conduct|security|_index|_template)(\.[a-z]+)*$/i;

export type Folder = { folder: string; names: Set<string>; files: string[] };

/** Every folder under `dir` with its episode files, sorted, in one pass. Dot-folders and build output are left out. */
export async function walk(dir: string, top: Dirent[]): Promise<Folder[]> {
  const folders: Folder[] = [];
  const pending: [string, Dirent[]][] = [[dir, top]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [folder, entries] = next;
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      // Symlinked folders are not followed: they could loop or lead out of the episodes folder.
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
        const sub = path.join(folder, entry.name);
        pending.push([sub, await fs.readdir(sub, { withFileTypes: true }).catch(() => [])]);
      } else if (EPISODE_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) files.push(entry.name);
    }
    folders.push({ folder, names: new Set(entries.map((entry) => entry.name)), files: files.sort() });
  }
  return folders.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}
