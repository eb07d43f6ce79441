import assert from 'node:assert/strict';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { testdir } from './testdir.ts';

// Small catalogues for the people only the rest of a catalogue can settle, in the shapes of devchat.tv's converted notes
// (every name made up): three episodes make a podcast's regulars regulars.
export const episode = (podcast: string, date: string, body: string, title = `Episode ${date}`) =>
  `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\npodcast: ${podcast}\n---\n${body}\n`;

export function regulars(podcast: string, year: number, lists: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const day of [1, 2, 3]) files[`${podcast}/regular-${year}-${day}.md`] = episode(podcast, `${year}-03-0${day}`, lists);
  return files;
}

export async function catalogue(files: Record<string, string>) {
  const { episodes, failures } = await readEpisodes(await testdir(files));
  assert.deepEqual(failures, []);
  return (file: string) => {
    const found = episodes.find((item) => item.file.endsWith(file))?.episode;
    assert.ok(found, file);
    return { panel: found.panel, guests: found.guests };
  };
}

export const transcript = (turns: string) => `\n\n### Transcript\n\n${turns}`;
