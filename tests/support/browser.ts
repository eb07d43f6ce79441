import assert from 'node:assert/strict';
import { after } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/** How Debian's Chromium is started, for the tests and for the screenshot script (which has no node:test hooks). */
export const CHROMIUM_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--autoplay-policy=no-user-gesture-required',
  ],
};

/**
 * Debian's Chromium, headless. The background-networking flags keep it from calling out to hosts this machine cannot
 * reach (FACTS.md); the autoplay flag lets a test press play without a user gesture.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  after(() => browser.close());
  return browser;
}

/** A page in a context of its own (1280 × 900 unless told), closed with its context. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  // The browser may close first (the file's `after`), which takes its contexts with it: nothing is left to close then.
  page.on('close', () => void context.close().catch(() => undefined));
  return page;
}

/** Polls `check` until it holds; fails the test naming `what` after `ms`. */
export async function until(what: string, check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Resolves once the page's player knows its audio's length, so seeking works. */
export function loaded(page: Page): Promise<unknown> {
  return page
    .locator('audio#player')
    .evaluate((el: HTMLAudioElement) =>
      el.readyState >= 1 ? undefined : new Promise((resolve) => el.addEventListener('loadedmetadata', resolve, { once: true })),
    );
}
