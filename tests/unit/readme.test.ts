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
