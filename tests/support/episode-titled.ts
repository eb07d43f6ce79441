import assert from 'node:assert/strict';
import type { readEpisodes } from '../../indexer/sources/read-episodes.ts';

/** The episode of a read catalogue with this title; the test fails naming the titles there are when none has it. */
export function episodeTitled(catalogue: Awaited<ReturnType<typeof readEpisodes>>, title: string) {
  const found = catalogue.episodes.find((item) => item.episode.title === title)?.episode;
  assert.ok(found, `no episode "${title}" in ${catalogue.episodes.map((item) => item.episode.title).join(', ')}`);
  return found;
}
