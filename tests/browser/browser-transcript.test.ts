// The episode page's transcript in a real headless Chromium: lines and speaker turns rather than 40-second blocks,
// arriving from a result (the query marked, the line scrolled to by its anchor without JavaScript, "Play from"), and
// following playback (the spoken line kept in view, "Back to now playing" once the listener scrolls away).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { LEAD_IN_SECONDS } from '../../src/time.ts';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, loaded, until as waitUntil } from '../support/browser.ts';
import { audioCatalogue, startStack } from '../support/stack.ts';

// 60 short cues of 2.5 s over the demo's 154 s of audio, speakers taking turns three cues at a time.
const CUES = 60;
const SPEAKERS = ['Ann & "Co" <b>', 'Bob'];
const cueText = (n: number) => {
  if (n === 1) return 'Tom &amp; Jerry say &lt;img src=x onerror=alert(1)&gt; aloud.';
  if (n === 30) return 'Then the garbage collector sweeps each heap.';
  return `Line ${n}, said plainly.`;
};
const shown = (n: number) => (n === 1 ? 'Tom & Jerry say <img src=x onerror=alert(1)> aloud.' : cueText(n));
const speakerOf = (n: number) => SPEAKERS[Math.floor(n / 3) % 2]!;
const stamp = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${(s % 60).toFixed(3).padStart(6, '0')}`;

const { episodes } = await audioCatalogue();
const vtt = ['WEBVTT', ''];
for (let n = 0; n < CUES; n++)
  vtt.push(
    `${stamp(n * 2.5)} --> ${stamp(n * 2.5 + 2.5)}`,
    `<v ${speakerOf(n).replace('&', '&amp;').replace('<b>', '&lt;b&gt;')}>${cueText(n)}`,
    '',
  );
// One cue that is a paragraph: read as its sentences.
const paragraph = [
  'The first sentence of a long answer explains what a heap is and why each process has one.',
  'The second sentence says that a collection of one heap never stops the others from running.',
  'The third sentence is about the cost of copying messages between the heaps of two processes.',
];
await Promise.all([
  fs.writeFile(path.join(episodes, 'talk.vtt'), vtt.join('\n')),
  fs.copyFile(path.join(import.meta.dirname, '..', '..', 'episodes', 'podgrep-demo.mp3'), path.join(episodes, 'talk.mp3')),
  fs.writeFile(
    path.join(episodes, 'talk.md'),
    '---\ntitle: Heaps Talk\npodcast: heaps\ndate: 2024-03-01\naudio_url: talk.mp3\n---\n### Summary\n\nHeaps.\n',
  ),
  fs.writeFile(path.join(episodes, 'essay.vtt'), `WEBVTT\n\n00:00:01.000 --> 00:00:31.000\n<v Ann>${paragraph.join(' ')}\n`),
  fs.writeFile(
    path.join(episodes, 'essay.md'),
    '---\ntitle: Essay\npodcast: heaps\ndate: 2024-02-01\n---\n### Summary\n\nOne long answer.\n',
  ),
]);
const stack = await startStack(episodes);
await stack.index();
const browser = await launchBrowser();

const problems: string[] = [];
async function open(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('dialog', (dialog) => void (problems.push(`a dialog opened: ${dialog.message()}`), dialog.dismiss()));
  page.on('close', () => void context.close());
  return page;
}
const until = (what: string, check: () => Promise<boolean>, ms = 8000) => waitUntil(what, check, ms);
/** Waits for a smooth scroll the page started to end: a wheel turned during one may not count. */
const stillScroll = async (page: Page) => {
  let last = NaN;
  await until('the page to stop scrolling', async () => {
    const now = await page.evaluate(() => scrollY);
    const still = now === last;
    last = now;
    if (!still) await new Promise((resolve) => setTimeout(resolve, 250));
    return still;
  });
};
/** Where the current line (aria-current) is, and whether it is on screen below the player bar. */
const currentLine = (page: Page) =>
  page.evaluate(() => {
    const marked = [...document.querySelectorAll('.transcript [aria-current]')] as HTMLElement[];
    const line = marked[0];
    const bar = document.querySelector('.episode-tools')!.getBoundingClientRect().bottom;
    const box = line?.getBoundingClientRect();
    return {
      count: marked.length,
      start: Number(line?.dataset.start),
      text: line?.textContent ?? '',
      inView: Boolean(box && box.top >= bar - 1 && box.bottom <= innerHeight + 1),
      scrollY,
    };
  });

test('the transcript is its lines, each with its time and anchor, in speaker turns named when the speaker changes', async () => {
  const page = await open({ javaScriptEnabled: false });
  await page.goto(`${stack.web}/episodes/talk`);
  const lines = page.locator('.transcript .line');
  assert.equal(await lines.count(), CUES, 'one line per cue, not one per 40-second moment');
  const texts = await lines.evaluateAll((all) =>
    all.map((line) =>
      [...line.childNodes]
        .filter((node) => !(node instanceof HTMLAnchorElement))
        .map((node) => node.textContent)
        .join('')
        .trim(),
    ),
  );
  assert.deepEqual(
    texts,
    Array.from({ length: CUES }, (_, n) => shown(n)),
  );
  assert.deepEqual(await page.locator('.transcript a.time').evaluateAll((all) => all.slice(0, 4).map((a) => a.textContent)), [
    '0:00',
    '0:02',
    '0:05',
    '0:07',
  ]);
  assert.deepEqual(await lines.evaluateAll((all) => all.slice(0, 4).map((line) => line.id)), ['t-0', 't-2', 't-5', 't-7']);
  // A name heads each turn, once per change of speaker.
  const turns = await page.locator('.transcript .turn > .speaker').allTextContents();
  assert.deepEqual(
    turns,
    Array.from({ length: CUES / 3 }, (_, i) => SPEAKERS[i % 2]),
  );
  assert.equal(await page.locator('.transcript .turn').first().locator('.line').count(), 3);
  // Content is text: the cue's markup and the speaker's name are shown as written, and nothing of them runs.
  assert.equal(await page.locator('.transcript img, .transcript b').count(), 0);
  assert.equal(await page.locator('.transcript .speaker').first().textContent(), 'Ann & "Co" <b>');
  // A paragraph-long cue is read as its sentences, each a line with its own time.
  await page.goto(`${stack.web}/episodes/essay`);
  const sentences = page.locator('.transcript .line');
  assert.deepEqual(
    (await sentences.allTextContents()).map((text) => text.replace(/^\s*\d+:\d\d\s*/, '').trim()),
    paragraph,
  );
  const starts = await sentences.evaluateAll((all) => all.map((line) => Number((line as HTMLElement).dataset.start)));
  assert.ok(starts[0] === 1 && starts[0] < starts[1]! && starts[1]! < starts[2]! && starts[2]! < 31, `sentence starts ${starts}`);
  await page.close();
});

test("without JavaScript, a result's moment link opens the line scrolled into view by its anchor, the words marked", async () => {
  const page = await open({ javaScriptEnabled: false });
  await page.goto(`${stack.web}/search?q=${encodeURIComponent('garbage collector')}`);
  const play = page.locator('.moment a.play').first();
  const href = (await play.getAttribute('href')) ?? '';
  assert.match(href, /^\/episodes\/talk\?t=(\d+)&at=\d+&q=garbage\+collector#t-\1$/);
  await play.click();
  await page.waitForURL(/\/episodes\/talk\?t=\d+&at=\d+&q=garbage\+collector#t-\d+$/);
  const hash = new URL(page.url()).hash.slice(1);
  const target = await page.evaluate((id) => {
    const el = document.getElementById(id);
    const line = el?.closest('.line');
    const bar = document.querySelector('.episode-tools')!.getBoundingClientRect().bottom;
    const box = line?.getBoundingClientRect();
    return {
      found: Boolean(el),
      line: line?.textContent ?? '',
      current: line?.getAttribute('aria-current'),
      top: box?.top ?? -1,
      bottom: box?.bottom ?? -1,
      bar,
      scrollY,
    };
  }, hash);
  assert.ok(target.found, `the fragment #${hash} names an element of the page`);
  assert.match(target.line, /garbage collector sweeps/);
  assert.equal(target.current, 'true', 'the line of the moment is the current one');
  assert.ok(target.scrollY > 300, `the page scrolled down to the line (scrollY ${target.scrollY})`);
  assert.ok(
    target.top >= target.bar && target.bottom <= 800,
    `the line at ${target.top}–${target.bottom} px, below the bar (to ${target.bar} px)`,
  );
  // The searched words are marked in the line, by the server; nothing else in the transcript is.
  assert.deepEqual(await page.locator('.transcript mark').allTextContents(), ['garbage', 'collector']);
  assert.match((await page.locator('.marked-count').textContent()) ?? '', /“garbage collector”: marked in 1 line/);
  // The control that needs JavaScript is not offered without it; the player itself opens at the moment.
  assert.equal(await page.getByRole('button', { name: /Play from/ }).count(), 0);
  assert.match((await page.locator('audio#player').getAttribute('src')) ?? '', /#t=\d+$/);
  // The research page's moment links carry the query too.
  await page.goto(`${stack.web}/research?q=${encodeURIComponent('garbage collector')}&episode=talk`);
  assert.match(
    (await page.locator('#episode a.play').first().getAttribute('href')) ?? '',
    /^\/episodes\/talk\?t=(\d+)&at=\d+&q=garbage\+collector#t-\1$/,
  );
  await page.close();
});

test('with JavaScript, "Play from" names the time the result showed and plays it in one press; the line stays current', async () => {
  const page = await open();
  await page.goto(`${stack.web}/search?q=${encodeURIComponent('garbage collector')}`);
  const result = page.locator('.moment a.play').first();
  // The time the result shows ("▶ 1:16") is the time the episode page offers to play from.
  const chosen = ((await result.textContent()) ?? '').replace('▶', '').trim();
  assert.match(chosen, /^\d+:\d\d$/);
  await result.click();
  await page.waitForURL(/#t-\d+$/);
  const t = Number(new URL(page.url()).searchParams.get('t'));
  const [minutes, seconds] = chosen.split(':').map(Number) as [number, number];
  assert.equal(t, minutes * 60 + seconds - LEAD_IN_SECONDS, 'the player starts the lead-in before the chosen time');
  await loaded(page);
  const button = page.locator('button.play-from');
  assert.equal(await button.textContent(), `▶ Play from ${chosen}`);
  assert.equal(await page.getByRole('button', { name: /Play from/ }).count(), 1, 'one clear control');
  assert.ok(await button.isVisible(), 'near the top');
  assert.ok((await button.boundingBox())!.y < 200);
  const before = await currentLine(page);
  assert.equal(before.count, 1);
  assert.match(before.text, /garbage collector sweeps/);
  assert.ok(before.inView, 'the line is in view');
  await button.click();
  await until('the player to play from the moment', () =>
    page
      .locator('audio#player')
      .evaluate((el: HTMLAudioElement, from) => !el.paused && el.currentTime >= from && el.currentTime < from + 3, t),
  );
  await page.locator('audio#player').evaluate((el: HTMLAudioElement) => el.pause());
  await page.close();
});

test('while playing, the spoken line is current and kept in view; scrolled away, "Back to now playing" appears and nothing jumps', async () => {
  const page = await open();
  await page.goto(`${stack.web}/episodes/talk`);
  await loaded(page);
  const player = page.locator('audio#player');
  assert.equal((await currentLine(page)).count, 0, 'nothing is current before playing');
  // Half way down the transcript, while the page is at its top: the line being spoken is off screen.
  await player.evaluate(async (el: HTMLAudioElement) => {
    el.playbackRate = 3;
    el.currentTime = 60;
    await el.play();
  });
  await until('the spoken line to be current and scrolled into view', async () => {
    const now = await currentLine(page);
    return now.count === 1 && now.inView;
  });
  await stillScroll(page);
  const first = await currentLine(page);
  assert.ok(first.start >= 60 && first.inView, JSON.stringify(first));
  assert.ok(first.scrollY > 500, `the page followed down to the line (scrollY ${first.scrollY})`);
  await until('aria-current to move on', async () => (await currentLine(page)).start > first.start + 2);
  const moved = await currentLine(page);
  assert.equal(moved.count, 1, 'one line at a time is current');
  assert.match(moved.text, /Line \d+, said plainly\.|garbage collector/);
  assert.ok(moved.inView, 'the new line is in view');
  assert.ok(await page.locator('.back-to-now').isHidden(), 'no button while the line is in view');

  // The listener scrolls back to the top: the button appears, and for the next seconds nothing pulls the page back.
  await stillScroll(page);
  await page.mouse.move(400, 500);
  await page.mouse.wheel(0, -5000);
  await until('the page to be at its top', async () => (await currentLine(page)).scrollY === 0);
  const back = page.getByRole('button', { name: /Back to now playing/ });
  await back.waitFor({ state: 'visible', timeout: 3000 });
  assert.match((await back.textContent()) ?? '', /^↓ /, 'it points to where the line is');
  const away = await currentLine(page);
  await page.waitForTimeout(2500);
  const later = await currentLine(page);
  assert.ok(later.start > away.start, `playback went on (${away.start} → ${later.start})`);
  assert.equal(later.scrollY, 0, 'the page stayed where the listener put it');
  assert.ok(await back.isVisible());
  // Pressed, it brings the spoken line back, goes away, and leaves focus on that line.
  await back.click();
  // Focus is on the line spoken at the press, read at once: at 3× speed the next line may be current a moment later.
  const focused = await page.evaluate(() => {
    const line = document.activeElement?.closest('.line');
    return line ? { start: Number(line.getAttribute('data-start')), current: line.getAttribute('aria-current') } : null;
  });
  assert.ok(focused && focused.start >= away.start, `focus is on the spoken line (${JSON.stringify(focused)})`);
  await until('the line back in view', async () => (await currentLine(page)).inView);
  await until('the button to go', () => page.locator('.back-to-now').isHidden());
  // Left alone for more than a few seconds, the page follows the spoken line again.
  await stillScroll(page);
  await page.mouse.wheel(0, -5000);
  await back.waitFor({ state: 'visible', timeout: 3000 });
  await until('following to resume', async () => (await currentLine(page)).inView, 15_000);
  // Paused, there is nothing to go back to.
  await stillScroll(page);
  await page.mouse.wheel(0, -5000);
  await back.waitFor({ state: 'visible', timeout: 3000 });
  await player.evaluate((el: HTMLAudioElement) => el.pause());
  await until('the button to go once paused', () => page.locator('.back-to-now').isHidden());
  await page.close();
});

test('keyboard playback and "Search this episode" work on the lines, across the words marked for the search', async () => {
  const page = await open();
  await page.goto(`${stack.web}/episodes/talk?t=74&q=${encodeURIComponent('garbage collector')}`);
  await loaded(page);
  // Enter on a line's time plays from it, in place.
  const time = page.locator('.transcript .line').nth(40).locator('a.time');
  await time.focus();
  await page.keyboard.press('Enter');
  await until('the player at that line', () =>
    page.locator('audio#player').evaluate((el: HTMLAudioElement) => !el.paused && Math.abs(el.currentTime - 100) < 2),
  );
  await page.locator('audio#player').evaluate((el: HTMLAudioElement) => el.pause());
  assert.match(page.url(), /\/episodes\/talk\?t=100&q=garbage\+collector$/, 'the address keeps the search and opens here on reload');
  // A phrase that spans the server's marks is found as one match.
  const find = page.getByRole('searchbox', { name: 'Search this episode' });
  await find.fill('the garbage collector sweeps');
  await until('the count', async () => (await page.locator('.find-count').textContent()) === '1 match');
  await find.press('Enter');
  assert.equal(await page.locator('.find-count').textContent(), '1 of 1');
  const pieces = await page.locator('.transcript mark.hit.current').allTextContents();
  assert.equal(pieces.join(''), 'the garbage collector sweeps');
  await find.fill('line 1');
  await until('the new count', async () => /^\d+ matches$/.test((await page.locator('.find-count').textContent()) ?? ''));
  assert.deepEqual(
    await page
      .locator('.transcript mark')
      .allTextContents()
      .then((all) => all.filter((text) => /garbage|collector/.test(text))),
    ['garbage', 'collector'],
    "the search's own marks stay",
  );
  await page.close();
});

test('axe-core finds no violations on an episode opened from a result, "Back to now playing" showing, light and dark, 1280 and 390 px', async () => {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      const page = await open({ bypassCSP: true, colorScheme, viewport: { width, height: 800 } });
      await page.goto(`${stack.web}/episodes/talk?t=74&q=${encodeURIComponent('garbage collector')}#t-74`);
      await loaded(page);
      for (const violation of await axeViolations(page)) found.push(`${colorScheme} ${width}px: ${violation}`);
      await page.locator('audio#player').evaluate((el: HTMLAudioElement) => el.play());
      await page.mouse.move(100, 500);
      await page.mouse.wheel(0, -5000);
      await page.getByRole('button', { name: /Back to now playing/ }).waitFor({ state: 'visible', timeout: 3000 });
      for (const violation of await axeViolations(page)) found.push(`${colorScheme} ${width}px, playing: ${violation}`);
      await page.close();
    }
  }
  assert.deepEqual(found, []);
});

test('no page threw a script error or opened a dialog', () => {
  assert.deepEqual(problems, []);
});
