import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { audioCatalogue, type Stack, startStack } from './stack.ts';

export const EPISODES = 520;

/** The i-th (from 0) show-notes episode's title; the last 40 are another show's. */
export const episodeTitle = (i: number) =>
  `${i < 480 ? 'JSJ' : 'EMx'} ${i + 1}: ${i % 3 ? 'Closures and the event loop' : 'Shipping React'}`;

/**
 * A catalogue shaped like the real ones the page is reviewed on: 520 show-notes-only episodes over ten years, every one
 * tagged "podcast" and with its show's own name as a tag, one person written two ways on panel lines, two shows named
 * in `podgrep.yml`, a glossary, and one episode with a long transcript and local audio (the demo's).
 */
export async function writeUiCatalogue(dir: string): Promise<void> {
  const writes: Promise<void>[] = [];
  for (let i = 0; i < EPISODES; i++) {
    const jsj = i < 480;
    const date = new Date(Date.UTC(2015, 0, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10);
    // One person written two ways, on two of every three episodes.
    const chuck = i % 3 === 0 ? [] : [i % 20 === 10 ? 'Charles Max Wood (twitter github Teach Me To Code…)' : 'Charles Max Wood'];
    const text = [
      '---',
      `title: "${episodeTitle(i)}"`,
      `podcast: ${jsj ? 'js-jabber' : 'elixir-mix'}`,
      `date: ${date}`,
      `episode_number: ${i + 1}`,
      'tags:',
      '  - podcast',
      `  - ${jsj ? 'js_jabber' : 'elixir_mix'}`,
      `  - ${i % 3 ? 'node' : 'react'}`,
      '---',
      '### Panel',
      '',
      ...chuck.map((line) => `*   ${line}`),
      `*   ${i % 20 ? 'AJ O’Neal' : 'Aimee Knight'}`,
      '',
      '### Summary',
      '',
      `The panel talks about javascript${i % 4 ? ' and closures' : ''}${i % 10 ? '' : ', and typescript'}, episode ${i + 1}.`,
      '',
    ].join('\n');
    writes.push(fs.writeFile(path.join(dir, `show-${String(i + 1).padStart(3, '0')}.md`), text));
  }
  const cues = ['WEBVTT', ''];
  for (let c = 0; c < 80; c++) {
    const at = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
    cues.push(
      `${at(c * 5)} --> ${at(c * 5 + 5)}`,
      `Line ${c + 1} of the hour: we keep talking about the event loop, closures and javascript at length here.`,
      '',
    );
  }
  writes.push(
    fs.writeFile(path.join(dir, 'hour.vtt'), cues.join('\n')),
    fs.copyFile(path.join(import.meta.dirname, '..', '..', 'episodes', 'podgrep-demo.mp3'), path.join(dir, 'hour.mp3')),
    fs.writeFile(
      path.join(dir, 'hour.md'),
      '---\ntitle: The Long Hour\npodcast: podgrep-demo\ndate: 2026-11-30\naudio_url: hour.mp3\n---\n### Summary\n\nA long talk.\n',
    ),
    fs.writeFile(
      path.join(dir, 'podgrep.yml'),
      'podcasts:\n  js-jabber: JavaScript Jabber\n  elixir-mix: Elixir Mix\n  podgrep-demo: { name: The podgrep demo }\n',
    ),
    fs.writeFile(path.join(dir, 'glossary.yml'), 'event loop:\nclosures: [closure]\nReact:\n'),
  );
  await Promise.all(writes);
}

/** The catalogue indexed on a stack of its own, and a browser to look at it: the setup of the catalogue's browser tests. */
export async function startUiCatalogue(): Promise<{ stack: Stack; browser: Browser }> {
  const { episodes } = await audioCatalogue();
  await writeUiCatalogue(episodes);
  const stack = await startStack(episodes);
  await stack.index();
  return { stack, browser: await launchBrowser() };
}

/** Every control the Tab key stops at, in order, from the top of a page just loaded until focus leaves it. */
export async function tabStops(page: Page, max = 400): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${(el.textContent ?? '').trim().slice(0, 40)}`;
    });
    if (here === null) break;
    if (stops.length && here === stops[0]) break;
    stops.push(here);
  }
  return stops;
}
