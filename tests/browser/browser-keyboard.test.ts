import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { openPage } from '../support/browser.ts';
import { startUiCatalogue } from '../support/ui-catalogue.ts';

// Keyboard paths, with and without JavaScript: past the filters to the results, arrow keys from the search box, and
// the sticky player bar never covering what has focus.
const { stack, browser } = await startUiCatalogue();

const open = (options: BrowserContextOptions = {}) => openPage(browser, options);
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'none';
    if (el.id === 'q') return 'box';
    if (el.matches('.skip-link')) return 'skip';
    if (el.matches('.episode h2 a')) return `result ${el.textContent}`;
    return `${el.tagName.toLowerCase()} ${el.textContent?.trim()}`;
  });

for (const javaScriptEnabled of [true, false]) {
  test(`"Skip to results" is the first Tab stop and lands on the first result (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
    const page = await open({ javaScriptEnabled });
    await page.goto(`${stack.web}/search?q=typescript`);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'skip');
    const box = await page.locator('.skip-link').boundingBox();
    assert.ok(box && box.y >= 0 && box.width > 50, 'the link shows when focused');
    await page.keyboard.press('Enter');
    assert.match(page.url(), /#result-list$/);
    await page.keyboard.press('Tab');
    const first = await page.locator('.episode h2 a').first().textContent();
    assert.equal(await focused(page), `result ${first}`);
    await page.close();
  });
}

test('results come before the filters in the page, while the filters still sit beside them on a wide screen', async () => {
  const page = await open();
  await page.goto(`${stack.web}/search?q=typescript`);
  const order = await page.evaluate(() => {
    const results = document.querySelector('ol.results')!;
    const facets = document.querySelector('aside.facets')!;
    return Boolean(results.compareDocumentPosition(facets) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'the results come first in source order');
  const [results, facets] = await Promise.all([page.locator('ol.results').boundingBox(), page.locator('aside.facets').boundingBox()]);
  assert.ok(results && facets && facets.x + facets.width <= results.x, 'the filters are drawn to the left of the results');
  // From the search box, Tab reaches the first result within a few stops (not after every filter).
  await page.locator('#q').focus();
  const stops: string[] = [];
  while (stops.length < 40 && !stops.at(-1)?.startsWith('result')) {
    await page.keyboard.press('Tab');
    stops.push(await focused(page));
  }
  assert.ok(stops.length <= 8, `from the box to the first result: ${stops.join(' → ')}`);
  assert.ok(!stops.some((stop) => /Elixir Mix|react|node/.test(stop)), stops.join(' → '));
  await page.close();
});

test('↓ from the search box goes into the results, ↑ and ↓ move between them, Enter opens one', async () => {
  const page = await open();
  await page.goto(`${stack.web}/search?q=${encodeURIComponent('event loop')}`);
  const links = await page
    .locator('#result-list .episode h2 a, #result-list a.play')
    .evaluateAll((all) => all.map((a) => a.textContent?.trim() ?? ''));
  assert.ok(links.length >= 3);
  const text = () => page.evaluate(() => document.activeElement?.textContent?.trim());
  await page.locator('#q').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await text(), links[0]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await text(), links[1]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await text(), links[2]);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await text(), links[0]);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'box');
  await page.keyboard.press('ArrowDown');
  const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
  await page.keyboard.press('Enter');
  await page.waitForURL(href);
  await page.close();
});

test('clearing the search box brings back the home page and its address, and Back the results', async () => {
  const page = await open();
  await page.goto(`${stack.web}/search?q=typescript`);
  await page.locator('#q').fill('');
  await page.waitForURL((url) => url.pathname === '/' && url.search === '');
  await page.locator('#results h1', { hasText: 'Search what was said' }).waitFor();
  assert.ok((await page.locator('#results .recent li').count()) > 0);
  assert.equal(await page.locator('#results li.episode').count(), 0, 'the old results are gone');
  assert.equal(await page.title(), 'podgrep — search what was said');
  await page.goBack();
  await page.waitForURL(/q=typescript/);
  await page.locator('#results li.episode').first().waitFor();
  await page.close();
});

test('a match is marked by more than colour: bolder and underlined', async () => {
  const page = await open();
  await page.goto(`${stack.web}/search?q=closures`);
  const style = await page
    .locator('.note mark')
    .first()
    .evaluate((mark) => {
      const own = getComputedStyle(mark);
      const around = getComputedStyle(mark.parentElement!);
      return { line: own.textDecorationLine, weight: Number(own.fontWeight), aroundWeight: Number(around.fontWeight) };
    });
  assert.equal(style.line, 'underline');
  assert.ok(style.weight > style.aroundWeight, `mark ${style.weight}, text ${style.aroundWeight}`);
  await page.close();
});

for (const [width, javaScriptEnabled] of [
  [1280, true],
  [390, true],
  [1280, false],
  [390, false],
] as const) {
  test(`the sticky player bar never hides the focused transcript line (${width} px, ${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
    const page = await open({ viewport: { width, height: 800 }, javaScriptEnabled });
    await page.goto(`${stack.web}/episodes/hour`);
    const times = page.locator('.transcript a.time');
    const count = await times.count();
    assert.ok(count >= 8, `${count} lines`);
    // Backwards from the last line: each one reached is above the screen, and is scrolled to just below the bar.
    await times.last().focus();
    const hidden: string[] = [];
    for (let i = 0; i < count - 1; i++) {
      await page.keyboard.press('Shift+Tab');
      const { top, barBottom, label } = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return {
          top: el.getBoundingClientRect().top,
          barBottom: document.querySelector('.episode-tools')!.getBoundingClientRect().bottom,
          label: el.textContent ?? '',
        };
      });
      if (top < barBottom) hidden.push(`${label} at ${Math.round(top)} px, bar to ${Math.round(barBottom)} px`);
    }
    assert.deepEqual(hidden, []);
    await page.close();
  });
}
