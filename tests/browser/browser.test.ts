import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { launchBrowser } from '../support/browser.ts';
import { audioCatalogue, startStack } from '../support/stack.ts';
import { speak } from '../support/tone-speech.ts';

const { episodes, audioDir, audioHost } = await audioCatalogue();
const spoken = await speak(
  [
    { text: 'hello and welcome to the elixir hour' },
    { text: 'we begin with garbage collection in long running processes', at: 20 },
    { text: 'later the reference counter in rustler protects memory', at: 74 },
    { text: 'that is all for today', at: 100 },
  ],
  path.join(audioDir, 'hour.mp3'),
);
await fs.writeFile(
  path.join(episodes, 'hour.md'),
  `---\ntitle: The Elixir Hour\npodcast: elixir-hour\naudio_url: ${audioHost}/hour.mp3\n---\n## Summary\nMemory and NIFs.\n`,
);
// Another show that mentions the same words in its notes, so there is something for a facet to filter out.
await fs.writeFile(
  path.join(episodes, 'other.md'),
  `---\ntitle: Counting References\npodcast: rust-weekly\n---\n## Summary\nA reference counter in Rust.\n`,
);
const stack = await startStack(episodes);
await stack.index();
const browser = await launchBrowser();

test('type a phrase spoken in an episode, click the first moment: the player is at that moment', async () => {
  const page = await browser.newPage();
  await page.goto(stack.web);
  await page.getByLabel('Search what was said').fill('reference counter');
  await page.keyboard.press('Enter');
  const first = page.locator('.moment a.play').first();
  await first.waitFor();
  assert.match(await page.locator('.moment .snippet').first().innerHTML(), /<mark>reference<\/mark> <mark>counter<\/mark>/);
  await first.click();
  await page.waitForURL(/\/episodes\/hour\?t=\d+/);
  const audio = page.locator('audio#player');
  await audio.evaluate((el: HTMLAudioElement) =>
    el.readyState >= 1 ? undefined : new Promise((resolve) => el.addEventListener('loadedmetadata', resolve, { once: true })),
  );
  const spokenAt = spoken.words.find((w) => w.word === 'reference')?.start ?? NaN;
  // The position settles once the browser has applied the #t= fragment (or player.js has); poll briefly for it.
  let currentTime = 0;
  for (let i = 0; i < 50 && Math.abs(currentTime - spokenAt) >= 3; i++) {
    currentTime = await audio.evaluate((el: HTMLAudioElement) => el.currentTime);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(Math.abs(currentTime - spokenAt) < 3, `player at ${currentTime}, words spoken at ${spokenAt}`);
  assert.ok(currentTime <= spokenAt + 0.2, `player at ${currentTime} starts after the words at ${spokenAt}`);
  // The line being spoken is marked in the transcript.
  assert.match((await page.locator('.transcript .line.current').first().textContent()) ?? '', /reference counter/);
  await page.close();
});

test('a facet narrows the results to one podcast, and the link says it is selected', async () => {
  const page = await browser.newPage();
  await page.goto(`${stack.web}/search?q=${encodeURIComponent('reference counter')}`);
  assert.equal(await page.locator('li.episode').count(), 2);
  await page.locator('.facets a', { hasText: 'elixir-hour' }).click();
  await page.waitForURL(/podcast=elixir-hour/);
  await page.locator('.facets a[aria-current="true"]', { hasText: 'elixir-hour' }).waitFor();
  assert.deepEqual(await page.locator('li.episode h2').allTextContents(), ['The Elixir Hour']);
  await page.close();
});
