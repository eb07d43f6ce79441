import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { VARIABLES } from '../../src/config/config.ts';

const readme = await fs.readFile(new URL('../../README.md', import.meta.url), 'utf8');

test("the README's configuration table lists every variable the code reads, with its default", () => {
  const rows = new Map([...readme.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2]?.trim()]));
  for (const [name, fallback] of Object.entries(VARIABLES)) {
    assert.ok(rows.has(name), `${name} is missing from the README`);
    assert.equal(rows.get(name), fallback ? `\`${fallback}\`` : '—', `${name}'s default`);
  }
  assert.equal(rows.size, Object.keys(VARIABLES).length, 'the README lists a variable the code does not read');
});

test('the quick start is the two lines CI and a new user run', async () => {
  const ci = await fs.readFile(new URL('../../.ci/run', import.meta.url), 'utf8');
  assert.match(readme, /^npm ci && npm start /m);
  assert.match(readme, /^sh tests\/setup\.sh && npm test /m);
  assert.match(ci, /^sh tests\/setup\.sh && npm test$/m);
});

test('the README and docs/architecture.md name only files and folders the tree has, and no merge was left half done', async () => {
  const docs = {
    'README.md': readme,
    'docs/architecture.md': await fs.readFile(new URL('../../docs/architecture.md', import.meta.url), 'utf8'),
  };
  const wrong: string[] = [];
  for (const [name, text] of Object.entries(docs)) {
    for (const [line] of text.matchAll(/^(<{7}|={7}|>{7})( .*)?$/gm)) wrong.push(`${name}: a merge conflict marker: ${line}`);
    // Paths inside the repository (`episodes/…` in the README is the reader's own folder, so it is not checked).
    for (const [, named] of text.matchAll(/`((?:src|adapters|indexer|web|bin|tests|docs|bench)\/[\w./-]*)`/g)) {
      const exists = await fs.stat(new URL(`../../${named}`, import.meta.url)).then(
        () => true,
        () => false,
      );
      if (!exists) wrong.push(`${name}: ${named} does not exist`);
    }
  }
  assert.deepEqual(wrong, []);
});
