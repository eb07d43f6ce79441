import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, loaded, until } from '../support/browser.ts';
import { audioCatalogue, startStack } from '../support/stack.ts';
import { speak } from '../support/tone-speech.ts';

// One episode whose lines are far enough apart to be moments of their own, "rustler" spoken in two of them.
const { episodes, audioDir, audioHost } = await audioCatalogue();
await speak(
  [
    { text: 'hello and welcome to the elixir hour' },
    { text: 'we begin with rustler and garbage collection', at: 45 },
    { text: 'later the reference counter in rustler protects memory', at: 90 },
    { text: 'that is all for today', at: 135 },
  ],
  path.join(audioDir, 'hour.mp3'),
);
await fs.writeFile(
  path.join(episodes, 'hour.md'),
  `---\ntitle: The Elixir Hour\npodcast: elixir-hour\ndate: 2024-05-01\naudio_url: ${audioHost}/hour.mp3\n---\n## Summary\nMemory and NIFs.\n\n` +
    `## Picks\n**Ada:**\n*   [https://example.com/a?b=1&c=2](https://example.com/a?b=1&c=2)\n*   [javascript:alert(1)](javascript:alert(1))\n` +
    `*   [Tools <b>x</b> at https://example.org/x.](https://example.org/x)\n`,
);
const stack = await startStack(episodes);
await stack.index();
const browser = await launchBrowser();

/**
 * A page in its own context, with every script error and every breach of the app's Content-Security-Policy (no
 * inline script or style) collected for the last test.
 */
const problems: string[] = [];
async function open(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('close', () => void context.close());
  return page;
}

// biome-ignore lint/performance/useDomNodeTextContent: the test reads what the listener sees, hidden text left out.
const resultsText = (page: Page) => page.locator('#results').innerText();

test('typing updates the results in place, keeps filters in the URL, and Back shows the previous query again', async () => {
  const page = await open();
  await page.goto(`${stack.web}/search?q=hello&sort=newest&page=1`);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const box = page.locator('#q');
  await box.fill('');
  await box.pressSequentially('garbage', { delay: 20 });
  await page.waitForURL(/q=garbage/);
  assert.match(await resultsText(page), /1 episode mentions “garbage”/);
  assert.match(await page.locator('.moment .snippet').first().innerHTML(), /<mark>garbage<\/mark>/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('sort'), 'newest', 'filters and sort are kept');
  assert.equal(url.searchParams.get('page'), null, 'a new query starts at page 1');
  assert.equal(url.searchParams.get('fragment'), null);
  assert.equal(await page.title(), 'garbage — podgrep');

  // After a pause, the next query gets its own history entry.
  await page.waitForTimeout(1200);
  await box.fill('reference counter');
  await page.waitForURL(/q=reference\+counter/);
  await until('the new results', async () => /1 episode mentions “reference counter”/.test(await resultsText(page)));
  // One character is not a search: nothing changes.
  await box.fill('r');
  await page.waitForTimeout(400);
  assert.match(page.url(), /q=reference\+counter/);

  await page.goBack();
  await page.waitForURL(/q=garbage/);
  await until('the previous results', async () => /1 episode mentions “garbage”/.test(await resultsText(page)));
  assert.equal(await box.inputValue(), 'garbage');
  await page.goBack();
  await page.waitForURL(/q=hello/);
  await until('the first results', async () => /1 episode mentions “hello”/.test(await resultsText(page)));
  await page.goForward();
  await until('the results going forward', async () => /1 episode mentions “garbage”/.test(await resultsText(page)));

  assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true, 'no page load happened');
  assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1);
  assert.equal(await page.locator('#results').getAttribute('aria-busy'), 'false');
  // Enter still submits the form, with the filters on screen.
  await box.fill('rustler');
  await box.press('Enter');
  await page.waitForURL(/q=rustler/);
  assert.equal(
    await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    undefined,
    'Enter loads the page',
  );
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'newest');
  assert.match(await resultsText(page), /1 episode mentions “rustler”/);
  await page.close();
});

test('a slow answer to an earlier query never replaces the results of a later one; Back returns to the home page', async () => {
  const page = await open();
  let delayed = false;
  await page.route(/\/search\?.*fragment=1/, async (route) => {
    if (!delayed) {
      delayed = true;
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    await route.continue().catch(() => {}); // the page may have given up on it
  });
  await page.goto(stack.web);
  const box = page.locator('#q');
  await box.fill('garbage');
  await page.waitForTimeout(400); // debounced and sent: its answer is held back
  await box.fill('reference counter');
  await until('the later results', async () => /1 episode mentions “reference counter”/.test(await resultsText(page)));
  await page.waitForTimeout(1500);
  assert.match(await resultsText(page), /1 episode mentions “reference counter”/);
  assert.match(page.url(), /\/search\?q=reference\+counter$/);
  await page.goBack();
  await until('the home page', async () => /Search what was said/.test(await resultsText(page)));
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await box.inputValue(), '');
  await page.close();
});

test('"/" focuses the search box, except while typing in a field', async () => {
  const page = await open();
  await page.goto(`${stack.web}/episodes/hour`);
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
  assert.equal(await page.locator('#q').inputValue(), '', 'the slash is not typed into the box');
  await page.locator('#find-q').focus();
  await page.keyboard.type('a/b');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'find-q');
  assert.equal(await page.locator('#find-q').inputValue(), 'a/b');
  await page.close();
});

test('"Copy link" puts the moment\'s absolute URL on the clipboard and says so, on results typed in later too', async () => {
  const page = await open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.web });
  await page.goto(stack.web);
  await page.locator('#q').fill('rustler');
  const moment = page.locator('li.moment').first();
  await moment.waitFor();
  const button = moment.getByRole('button', { name: /^Copy link to this moment at \d+:\d\d$/ });
  await button.click();
  const href = await moment.locator('a.play').getAttribute('href');
  // The play link carries the query and its line's anchor (issue 16); the copied link is that link, whole.
  assert.match(href ?? '', /^\/episodes\/hour\?t=(\d+)&at=\d+&q=rustler#t-\1$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), new URL(href ?? '', stack.web).href);
  assert.equal(await button.textContent(), 'Copied ✓');
  await until('the announcement', async () => /copied/.test((await page.getByRole('status').first().textContent()) ?? ''));
  await until('the label to come back', async () => (await button.textContent()) === 'Copy link', 4000);
  await page.close();
});

test('searching within the episode marks every match, and next/previous go to each and seek the player there', async () => {
  const page = await open();
  await page.goto(`${stack.web}/episodes/hour`);
  await loaded(page);
  const find = page.getByRole('searchbox', { name: 'Search this episode' });
  await find.fill('RUSTLER');
  await until('the count', async () => (await page.locator('.find-count').textContent()) === '2 matches');
  assert.deepEqual(await page.locator('.transcript mark.hit').allTextContents(), ['rustler', 'rustler']);
  // Regex characters are text, and the timestamps are not searched.
  await find.fill('(.*)');
  await until('no matches', async () => (await page.locator('.find-count').textContent()) === 'No matches');
  await find.fill('0:');
  await until('no matches in the times', async () => (await page.locator('.find-count').textContent()) === 'No matches');
  await find.fill('rustler');

  const lineStartOfCurrent = () =>
    page.locator('mark.hit.current').evaluate((mark) => Number((mark.closest('.line') as HTMLElement).dataset.start));
  const playerAt = () => page.locator('audio#player').evaluate((el: HTMLAudioElement) => el.currentTime);
  const next = page.getByRole('button', { name: /Next match/ });
  await next.click();
  assert.equal(await page.locator('.find-count').textContent(), '1 of 2');
  await next.click();
  assert.equal(await page.locator('.find-count').textContent(), '2 of 2');
  const second = await lineStartOfCurrent();
  assert.ok(second > 60, `the second match is in a later line (${second})`);
  await until('the player to seek', async () => Math.abs((await playerAt()) - second) < 3);
  assert.ok(await page.locator('mark.hit.current').isVisible());
  // Shift+Enter goes back, Enter forward, wrapping around.
  await find.press('Shift+Enter');
  assert.equal(await page.locator('.find-count').textContent(), '1 of 2');
  const first = await lineStartOfCurrent();
  await until('the player to seek back', async () => Math.abs((await playerAt()) - first) < 3);
  await find.press('Enter');
  await find.press('Enter');
  assert.equal(await page.locator('.find-count').textContent(), '1 of 2');
  assert.equal(new URL(page.url()).pathname, '/episodes/hour', 'the form did not leave the page');

  // A click anywhere on a line seeks there, and the line being spoken is marked.
  const last = page.locator('.transcript .line').last();
  const lastStart = Number(await last.getAttribute('data-start'));
  await last.click({ position: { x: 300, y: 10 } });
  await until('the player at the clicked line', async () => Math.abs((await playerAt()) - lastStart) < 3);
  await until('the clicked line to be current', async () => (await last.getAttribute('class'))?.includes('current') ?? false);
  assert.match(page.url(), new RegExp(`\\?t=${Math.floor(lastStart)}$`));
  await page.close();
});

test('URLs in picks are links, the rest of the pick is text', async () => {
  const page = await open();
  await page.goto(`${stack.web}/episodes/hour`);
  const picks = page.locator('.notes section', { hasText: 'Picks' }).locator('li');
  const texts = await picks.allTextContents();
  assert.equal(texts[0], 'Ada: https://example.com/a?b=1&c=2');
  assert.match(texts[1] ?? '', /^Ada: javascript:alert\(1\)/);
  assert.match(texts[2] ?? '', /^Ada: Tools .*at https:\/\/example\.org\/x\.$/);
  assert.deepEqual(await picks.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href)), [
    'https://example.com/a?b=1&c=2',
    'https://example.org/x',
  ]);
  assert.equal(await picks.locator('b').count(), 0);
  await page.close();
});

test('a keyboard alone reaches the search box, then the results and their play links, in order', async () => {
  const page = await open();
  await page.goto(`${stack.web}/search?q=rustler`);
  const order: string[] = [];
  for (let i = 0; i < 60 && !order.includes('play'); i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return 'none';
        if (el.id === 'q') return 'box';
        if (el.matches('.episode h2 a')) return 'result';
        if (el.matches('a.play')) return 'play';
        if (el.matches('button.copy-link')) return 'copy';
        return el.tagName.toLowerCase();
      }),
    );
  }
  const box = order.indexOf('box');
  const result = order.indexOf('result');
  const play = order.indexOf('play');
  assert.ok(box >= 0 && box < result && result < play, `focus order: ${order.join(' → ')}`);
  await page.keyboard.press('Tab');
  assert.equal(
    await page.evaluate(() => document.activeElement?.matches('button.copy-link')),
    true,
    'the copy button follows its play link',
  );
  // The focused control shows a focus ring.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  assert.equal(outline, 'solid');
  await page.close();
});

test('without JavaScript the form submits and the results and transcript render', async () => {
  const page = await open({ javaScriptEnabled: false });
  await page.goto(stack.web);
  await page.getByLabel('Search what was said').fill('reference counter');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=reference\+counter/);
  assert.match(await page.locator('.moment .snippet').first().innerHTML(), /<mark>reference<\/mark> <mark>counter<\/mark>/);
  assert.equal(await page.locator('button.copy-link').count(), 0, 'no button that would need JavaScript');
  await page.locator('.moment a.play').first().click();
  await page.waitForURL(/\/episodes\/hour\?t=\d+/);
  assert.match((await page.locator('.transcript .line.current').textContent()) ?? '', /reference counter/);
  // "Search this episode" falls back to a search of the podcast.
  await page.getByLabel('Search this episode').fill('rustler');
  await page.getByLabel('Search this episode').press('Enter');
  await page.waitForURL(/\/search\?q=rustler&podcast=elixir-hour/);
  assert.match(await resultsText(page), /The Elixir Hour/);
  await page.close();
});

test('pages are served with a Content-Security-Policy that allows no inline script', async () => {
  const csp = (await fetch(`${stack.web}/search?q=rustler`)).headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});

test('a page weighs well under 100 KB of HTML, CSS and JavaScript', async (t) => {
  for (const pagePath of ['/search?q=rustler', '/episodes/hour']) {
    const sizes = new Map<string, number>();
    const weigh = async (url: string) => {
      if (sizes.has(url)) return;
      const body = await (await fetch(stack.web + url)).text();
      sizes.set(url, Buffer.byteLength(body));
      // What the page and its stylesheet load from /static: scripts, the stylesheet, the logo.
      for (const [, asset] of body.matchAll(/(?:href="|src="|url\()(\/static\/[^")]+)/g)) if (asset) await weigh(asset);
    };
    await weigh(pagePath);
    const total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
    t.diagnostic(`${pagePath}: ${total} bytes (${[...sizes].map(([url, n]) => `${url} ${n}`).join(', ')})`);
    assert.ok(sizes.size >= 5, 'the page, its stylesheet and its scripts were all counted');
    assert.ok(total < 100_000, `${pagePath} weighs ${total} bytes`);
  }
});

test('no page threw a script error or broke the Content-Security-Policy', async () => {
  // Run alone (--test-name-pattern), it visits every kind of page itself, so it always has something to judge.
  for (const pagePath of ['/', '/search?q=memory', '/episodes/hour', '/research?q=memory', '/episodes/missing']) {
    const page = await open();
    await page.goto(`${stack.web}${pagePath}`, { waitUntil: 'networkidle' });
    await page.close();
  }
  assert.deepEqual(problems, []);
});
