import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refusedAudio } from '../../indexer/pipeline/episode-audio.ts';
import { readEpisodes } from '../../indexer/sources/read-episodes.ts';
import { testdir } from '../support/testdir.ts';

// Hugo and Astro sites write the audio as a bare file name their templates put after a media address
// (`podcast_file = "episode014.mp3"`); pointed at such a folder, podgrep says which line of podgrep.yml is missing.
test('a bare audio file name that is not beside the episode names audio_prefix; one with a folder is only missing', async () => {
  const dir = await testdir({
    'bare.md': '+++\ntitle = "Bare"\npodcast_file = "episode014.mp3"\n+++\nNotes.\n',
    'folder.md': '---\ntitle: Folder\naudio_url: audio/episode015.mp3\n---\nNotes.\n',
  });
  const catalogue = await readEpisodes(dir);
  const reason = async (title: string) => {
    const item = catalogue.episodes.find((each) => each.episode.title === title);
    assert.ok(item, title);
    return refusedAudio(item, [dir]);
  };
  assert.equal(
    await reason('Bare'),
    'audio_url "episode014.mp3" is no file beside the episode; if the site\'s pages put it after a media address, name that ' +
      'address in podgrep.yml (audio_prefix: https://media.example.com/episodes/); the episode is indexed without its audio',
  );
  assert.match((await reason('Folder')) ?? '', /^audio_url "audio\/episode015\.mp3" cannot be read: ENOENT; the episode is indexed/);
  // With the address in podgrep.yml the same file is a URL, and nothing is refused.
  const prefixed = await testdir({
    'podgrep.yml': 'audio_prefix: https://media.example.com/episodes/\n',
    'bare.md': '+++\ntitle = "Bare"\npodcast_file = "episode014.mp3"\n+++\nNotes.\n',
  });
  const [item] = (await readEpisodes(prefixed)).episodes;
  assert.equal(item?.episode.audioUrl, 'https://media.example.com/episodes/episode014.mp3');
  assert.equal(item && (await refusedAudio(item, [prefixed])), undefined);
});
