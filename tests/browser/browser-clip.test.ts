// Clip links in a real headless Chromium: `?t=START,END` plays from the start and stops at the end; search results
// offer "Copy clip link" beside "Copy link".
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { SearchResponse } from '../../src/search/search-results.ts';
import { launchBrowser } from '../support/browser.ts';
import { audioCatalogue, startStack } from '../support/stack.ts';
import { speak } from '../support/tone-speech.ts';

const { episodes, audioDir, audioHost } = await audioCatalogue();
await speak(
  [
    { text: 'hello and welcome to the elixir hour' },
    { text: 'we begin with rustler and garbage collection', at: 20 },
    { text: 'that is all for today', at: 50 },
  ],
  path.join(audioDir, 'clip.mp3'),
);
await fs.writeFile(
  path.join(episodes, 'clip.md'),
  `---\ntitle: Clips\ndate: 2024-05-01\naudio_url: ${audioHost}/clip.mp3\n---\n## Summary\nClips.\n`,
);
const stack = await startStack(episodes);
await stack.index();
const browser = await launchBrowser();

test('a clip link plays from its start and stops at its end; pressing play again goes on', async () => {
  const page = await browser.newPage();
  await page.goto(`${stack.web}/episodes/clip?t=20,24`);
  const player = page.locator('audio#player');
  await player.evaluate((el: HTMLAudioElement) =>
    el.readyState >= 1 ? undefined : new Promise((resolve) => el.addEventListener('loadedmetadata', resolve, { once: true })),
  );
  const startedAt = await player.evaluate(async (el: HTMLAudioElement) => {
    await el.play();
    return el.currentTime;
  });
  assert.ok(Math.abs(startedAt - 20) < 1, `started at ${startedAt}`);
  // Stopped by the page at the clip's end, four seconds of playing later.
  await page.waitForFunction(() => (document.getElementById('player') as HTMLAudioElement).paused, undefined, { timeout: 15_000 });
  const stoppedAt = await player.evaluate((el: HTMLAudioElement) => el.currentTime);
  assert.ok(stoppedAt >= 23.7 && stoppedAt <= 24.3, `stopped at ${stoppedAt}`);
  // The clip is over: play continues past its end.
  await player.evaluate((el: HTMLAudioElement) => el.play());
  await page.waitForFunction(() => (document.getElementById('player') as HTMLAudioElement).currentTime > 24.8, undefined, {
    timeout: 10_000,
  });
  assert.equal(await player.evaluate((el: HTMLAudioElement) => el.paused), false);
  await page.close();
});

test('a result offers "Copy clip link", which copies the moment as a clip', async () => {
  const api = (await (await fetch(`${stack.web}/api/search?q=rustler`)).json()) as SearchResponse;
  const moment = api.episodes[0]?.moments[0];
  assert.ok(moment, JSON.stringify(api));
  assert.equal(moment.clipUrl, `/episodes/clip?t=${Math.floor(moment.start)},${Math.ceil(moment.end)}`);
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.web });
  const page = await context.newPage();
  await page.goto(`${stack.web}/search?q=rustler`);
  const item = page.locator('li.moment').first();
  await item.getByRole('button', { name: /^Copy link to this moment/ }).waitFor();
  await item.getByRole('button', { name: /^Copy clip link: plays this moment as a clip/ }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), new URL(moment.clipUrl, stack.web).href);
  await context.close();
});
