import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { BrowserContextOptions } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { openPage } from '../support/browser.ts';
import { EPISODES, episodeTitle, startUiCatalogue, tabStops } from '../support/ui-catalogue.ts';

// The page on a catalogue of 521 episodes: the research view at scale, facets, filters, empty and error states, axe.
const { stack, browser } = await startUiCatalogue();

const open = (options: BrowserContextOptions = {}) => openPage(browser, options);

test('the research page at 500+ matching episodes: a chart by period, a paged table by mentions, few tab stops', async (t) => {
  const page = await open();
  await page.goto(`${stack.web}/research?q=javascript`);
  assert.match((await page.locator('.research .count').textContent()) ?? '', new RegExp(`comes up in ${EPISODES + 1} episodes`));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 3000, `the page is ${height} px tall`);
  const stops = await tabStops(page);
  assert.ok(stops.length < 100, `${stops.length} tab stops`);
  t.diagnostic(`research page: ${height} px tall, ${stops.length} tab stops`);
  // Ten years of weekly episodes: grouped by year or quarter, not one bar per episode; no bar is a control.
  const bars = await page.locator('svg.timeline rect.bar').count();
  assert.ok(bars > 5 && bars <= 45, `${bars} bars`);
  assert.equal(await page.locator('svg.timeline a, svg.timeline [tabindex]').count(), 0);
  // Sorted by mentions: the episode that says it first, then notes-only mentions, newest first, 25 to a page.
  const rows = page.locator('.episodes-table tbody tr');
  assert.equal(await rows.count(), 25);
  const said = await rows.locator('td:nth-child(3)').allTextContents();
  assert.equal(await rows.first().locator('a').textContent(), 'The Long Hour');
  assert.match(said[0] ?? '', /^\d+ moments$/);
  assert.deepEqual(new Set(said.slice(1)), new Set(['mentioned in show notes']));
  const dates = (await rows.locator('td:nth-child(2)').allTextContents()).slice(1);
  assert.deepEqual(dates, [...dates].sort().reverse());
  const first = await rows.first().locator('a').textContent();
  await page.getByRole('link', { name: 'Next →' }).click();
  await page.waitForURL(/page=2/);
  assert.notEqual(await rows.first().locator('a').textContent(), first);
  assert.match((await page.locator('.episodes-table caption').textContent()) ?? '', /page 2 of 21/);
  // A picked episode's moments come above the table, and the table stays on its page.
  await page.goto(`${stack.web}/research?q=javascript`);
  await page.getByRole('link', { name: 'The Long Hour' }).click();
  await page.waitForURL(/episode=hour#episode$/);
  const picked = page.locator('#episode');
  assert.ok((await picked.locator('li.moment').count()) >= 3);
  // It takes focus as the link's target; a ring around the whole box would read as an error.
  assert.equal(await picked.evaluate((el) => [document.activeElement === el, getComputedStyle(el).outlineStyle].join()), 'true,none');
  assert.ok(
    await picked.evaluate((el) => Boolean(el.compareDocumentPosition(document.querySelector('table')!) & Node.DOCUMENT_POSITION_FOLLOWING)),
  );
  // At phone width nothing spills sideways, and the chart's labels stay readable: none smaller than 10 px, none on another.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no horizontal scroll at 390 px');
  const shown = (selector: string) =>
    page
      .locator(selector)
      .evaluateAll((all) =>
        all
          .map((text) => text.getBoundingClientRect())
          .flatMap((box) => (box.width > 0 ? [{ left: box.left, right: box.right, height: box.height }] : [])),
      );
  const labels = await shown('svg.timeline text.tick');
  assert.deepEqual(
    labels.filter((box) => box.height < 10).map((box) => `${box.height.toFixed(1)} px tall`),
    [],
    'labels a phone can read',
  );
  const ticks = await shown('svg.timeline text.tick:not(.value)');
  assert.ok(ticks.length >= 3, `${ticks.length} dates shown`);
  assert.ok(
    ticks.every((box, i) => i === 0 || box.left >= ticks[i - 1]!.right),
    'the date labels do not overlap',
  );
  await page.close();
});

test('facets drop what every result has and tags that repeat the podcast, name podcasts, and list a person once', async () => {
  const page = await open();
  // 52 episodes of two shows say "typescript", every one tagged "podcast" and with its show's name.
  await page.goto(`${stack.web}/search?q=typescript`);
  const facet = (name: string) => page.locator('.facets section', { has: page.locator('h3', { hasText: name }) }).locator('a');
  const values = async (name: string) => (await facet(name).allTextContents()).map((text) => text.replace(/\s+\d+$/, '').trim());
  assert.deepEqual((await values('Podcast')).sort(), ['Elixir Mix', 'JavaScript Jabber']);
  const tags = await values('Tag');
  assert.ok(tags.includes('react') && tags.includes('node'), tags.join(', '));
  for (const noise of ['podcast', 'js_jabber', 'elixir_mix'])
    assert.ok(!tags.includes(noise), `tag “${noise}” is shown: ${tags.join(', ')}`);
  const people = await values('Guest or panelist');
  assert.deepEqual(
    people.filter((name) => name.startsWith('Charles')),
    ['Charles Max Wood'],
  );
  // Podcasts by name in each result too.
  assert.match((await page.locator('.episode .meta').first().textContent()) ?? '', /JavaScript Jabber|Elixir Mix|The podgrep demo/);
  await page.close();
});

test("every page that names an episode's podcast names it as podgrep.yml does, never by its slug", async () => {
  const page = await open();
  const metas: [string, string, string][] = [
    ['results', '/search?q=event+loop&podcast=podgrep-demo', '.episode .meta'],
    ['home', '/', '.recent .meta'],
    ['research', '/research?q=javascript&episode=hour', '#episode .meta'],
    ['episode', '/episodes/hour', '.episode-head .meta'],
    ['404', '/episodes/the-long-hourr', '.look-alike .meta'],
  ];
  const wrong: string[] = [];
  for (const [name, url, selector] of metas) {
    await page.goto(stack.web + url);
    const meta = (await page.locator(selector).first().textContent()) ?? '';
    if (!meta.startsWith('The podgrep demo · 2026-11-30')) wrong.push(`${name}: “${meta}”`);
  }
  assert.deepEqual(wrong, []);
  await page.close();
});

test('active filters say which, each removable, selected values first; nothing is cut off at 390 px', async () => {
  const page = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(`${stack.web}/search?q=typescript`);
  await page.locator('.facets a', { hasText: 'Elixir Mix' }).click();
  await page.waitForURL(/podcast=elixir-mix/);
  await page.locator('.facets a', { hasText: 'Aimee Knight' }).click();
  await page.waitForURL(/person=Aimee/);
  const filtered = page.locator('.filtered');
  assert.match(
    (await filtered.textContent()) ?? '',
    /Filtered by:\s*Podcast: Elixir Mix ✕\s*Guest or panelist: Aimee Knight ✕\s*Clear all/,
  );
  assert.match(
    (await page.locator('.facets section').first().locator('a').first().textContent()) ?? '',
    /Elixir Mix/,
    'the selected value comes first',
  );
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll('.filtered a, .summary-bar, h1, .count')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
      .map((el) => el.textContent),
  );
  assert.deepEqual(overflow, []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  await page.getByRole('link', { name: 'Remove filter Podcast: Elixir Mix' }).click();
  await page.waitForURL((url) => !url.searchParams.has('podcast') && url.searchParams.get('person') === 'Aimee Knight');
  await page.getByRole('link', { name: 'Clear all' }).click();
  await page.waitForURL((url) => url.search === '?q=typescript');
  await page.close();
});

test('"Nothing found" says with which filters, and offers example queries and the newest episodes', async () => {
  const page = await open();
  await page.goto(`${stack.web}/search?q=${encodeURIComponent('event loop')}&podcast=podgrep-demo&person=Aimee+Knight`);
  assert.equal(await page.locator('h1').textContent(), 'Nothing found for “event loop”');
  assert.match((await page.locator('.filtered').textContent()) ?? '', /Podcast: The podgrep demo ✕.*Aimee Knight ✕/s);
  assert.deepEqual(await page.locator('.examples a').allTextContents(), ['event loop', 'closures', 'React']);
  assert.equal(await page.locator('.recent li').first().locator('a').textContent(), 'The Long Hour');
  await page.locator('.examples a', { hasText: 'closures' }).click();
  await page.waitForURL(/\/search\?q=closures$/);
  assert.ok((await page.locator('li.episode').count()) > 0);
  await page.close();
});

test('the home page shows example queries and the newest episodes; its placeholder fits on a phone', async () => {
  const page = await open({ viewport: { width: 390, height: 844 }, isMobile: true });
  await page.goto(stack.web);
  assert.equal(await page.locator('h1').textContent(), 'Search what was said');
  assert.deepEqual(await page.locator('.examples a').allTextContents(), ['event loop', 'closures', 'React']);
  const recent = await page.locator('.recent li a').allTextContents();
  assert.deepEqual(recent, ['The Long Hour', ...[519, 518, 517, 516].map(episodeTitle)]);
  // The placeholder's text, in the box's font, fits inside the box.
  const fit = await page.locator('#q').evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: context.measureText(input.placeholder).width, room };
  });
  assert.ok(fit.text <= fit.room, `placeholder ${fit.text} px in ${fit.room} px`);
  await page.close();
});

test('an unknown episode is a 404 with a heading that offers the episodes its words find', async () => {
  const page = await open();
  const response = await page.goto(`${stack.web}/episodes/the-long-hourr`);
  assert.equal(response?.status(), 404);
  assert.equal(await page.locator('h1').textContent(), 'Not found');
  assert.match((await page.locator('.not-found .error').textContent()) ?? '', /No episode called “the-long-hourr”/);
  assert.ok((await page.locator('.look-alike a').allTextContents()).includes('The Long Hour'));
  await page.locator('.look-alike a', { hasText: 'The Long Hour' }).click();
  await page.waitForURL(/\/episodes\/hour$/);
  const other = await page.goto(`${stack.web}/no/such/page`);
  assert.equal(other?.status(), 404);
  assert.equal(await page.locator('h1').textContent(), 'Not found');
  await page.close();
});

const PAGES: [string, string][] = [
  ['home', '/'],
  ['results', '/search?q=javascript&podcast=elixir-mix'],
  ['no results', '/search?q=zzzqqq'],
  ['research', '/research?q=javascript&episode=hour'],
  ['404', '/episodes/the-long-hourr'],
  ['episode', '/episodes/hour?t=40'],
  ['episode opened from a result', `/episodes/hour?t=40&q=${encodeURIComponent('event loop')}#t-40`],
];

test('axe-core finds no violations on any page, light and dark, at 1280 and 390 px', async () => {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      const page = await open({ bypassCSP: true, colorScheme, viewport: { width, height: 900 } });
      for (const [name, url] of PAGES) {
        await page.goto(stack.web + url);
        for (const violation of await axeViolations(page)) found.push(`${name} ${colorScheme} ${width}px: ${violation}`);
      }
      await page.close();
    }
  }
  assert.deepEqual(found, []);
  // The check can fail: an image without a text alternative is reported.
  const page = await open({ bypassCSP: true });
  await page.goto(stack.web);
  await page.evaluate(() =>
    document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: '/static/logo.svg' })),
  );
  assert.match((await axeViolations(page)).join('\n'), /^image-alt/m);
  await page.close();
});

test('each page links every stylesheet whose rules style it (pages link only the ones they need)', async () => {
  const dir = path.join(import.meta.dirname, '..', '..', 'web', 'static');
  const sheets = Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.css'))
      .map((name) => [`/static/${name}`, fs.readFileSync(path.join(dir, name), 'utf8')]),
  );
  const missing: string[] = [];
  const page = await open();
  for (const [name, url] of [...PAGES, ['error', '/no/such/page'] as [string, string]]) {
    await page.goto(stack.web + url);
    // Whatever a rule could style at any width or colour scheme, hovered or focused: media queries are opened and the
    // states only a person causes are dropped, so the rule is asked of the elements as they are.
    const unlinked = await page.evaluate((all) => {
      const linked = new Set([...document.styleSheets].map((sheet) => new URL(sheet.href ?? '', location.href).pathname));
      const found: string[] = [];
      const visit = (rules: CSSRuleList, file: string) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule) {
            const selector = rule.selectorText.replace(/::?(before|after|placeholder|marker)|:(hover|focus-visible|focus|active)/g, '');
            if (document.querySelector(selector)) found.push(`${rule.selectorText} (${file})`);
          } else if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules, file);
        }
      };
      for (const [file, text] of Object.entries(all)) {
        if (linked.has(file)) continue;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        visit(sheet.cssRules, file);
      }
      return { found, linked: [...linked] };
    }, sheets);
    assert.ok(unlinked.linked.length >= 2, `${name} links ${unlinked.linked.join(', ')}`);
    missing.push(...unlinked.found.map((rule) => `${name}: ${rule}`));
  }
  assert.deepEqual(missing, []);
  await page.close();
});
