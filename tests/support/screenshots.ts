// The README's screenshots: `npx node tests/support/screenshots.ts` indexes the shipped episodes/ (no transcription
// key: the demo episode's VTT gives it moments) into a temporary DATA_DIR and saves docs/search.png,
// docs/episode.png and docs/search-phone.png from Debian's Chromium.
import fs from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { meiliClient } from '../../adapters/meili/meili-client.ts';
import { meiliSearch } from '../../adapters/meili/meili-search.ts';
import { startEmbeddedMeili } from '../../adapters/meili/meili-server.ts';
import { runIndex } from '../../indexer/commands/run-index.ts';
import { parseConfig } from '../../src/config/config.ts';
import { indexNames } from '../../src/documents/index-settings.ts';
import { createApp } from '../../web/app.ts';
import { CHROMIUM_OPTIONS } from './browser.ts';

const repo = path.join(import.meta.dirname, '..', '..');
const docs = path.join(repo, 'docs');
const QUERY = 'dirty schedulers';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'podgrep-screenshots-'));
const config = parseConfig({ EPISODES_DIR: path.join(repo, 'episodes'), DATA_DIR: dataDir, MEILI_INDEX_PREFIX: 'screenshots' });
const engine = await startEmbeddedMeili({ dataDir, bin: undefined });
let server: Server | undefined;
// The tests' flags, without autoplay: the screenshots play nothing.
const browser = await chromium.launch({ ...CHROMIUM_OPTIONS, args: CHROMIUM_OPTIONS.args.filter((arg) => !arg.startsWith('--autoplay')) });
try {
  await runIndex(config, engine, { log: (line) => console.log(line) });
  const app = createApp({
    search: meiliSearch(meiliClient(engine), indexNames(config.meili.indexPrefix)),
    episodesDir: config.episodesDir,
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const web = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await fs.mkdir(docs, { recursive: true });
  const searchUrl = `${web}/search?q=${encodeURIComponent(QUERY)}`;

  const desktop = await browser.newPage({ viewport: { width: 1200, height: 800 }, colorScheme: 'light' });
  await desktop.goto(searchUrl);
  await settle(desktop);
  await save(desktop, 'search.png');

  await desktop.locator('.moment a.play').first().click();
  await desktop.waitForURL(/\/episodes\/podgrep-demo\?t=\d+/);
  await desktop
    .locator('audio#player')
    .evaluate((el: HTMLAudioElement) =>
      el.readyState >= 1 ? undefined : new Promise((resolve) => el.addEventListener('loadedmetadata', resolve, { once: true })),
    );
  await settle(desktop);
  await save(desktop, 'episode.png');

  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme: 'light',
  });
  await phone.goto(searchUrl);
  await settle(phone);
  await save(phone, 'search-phone.png');
} finally {
  await browser.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await engine.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}

/** Scripts have run and any smooth scroll has finished, so the picture is what a reader sees. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(600);
}

async function save(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(docs, name) });
  console.log(`saved docs/${name}`);
}
