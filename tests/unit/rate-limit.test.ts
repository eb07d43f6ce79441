import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../../web/app.ts';
import { emptySearch } from '../support/fake-search.ts';
import { listen } from '../support/stack.ts';
import { testdir } from '../support/testdir.ts';

const searchAs = (base: string, client?: string) =>
  fetch(`${base}/api/search?q=nif`, { headers: client ? { 'x-forwarded-for': client } : {} }).then((r) => r.status);

test('without TRUST_PROXY, X-Forwarded-For is not believed: a client cannot dodge the limit by naming others', async () => {
  const base = await listen(createApp({ search: emptySearch(), episodesDir: await testdir(), rateLimit: 2, log: () => {} }));
  const statuses = [await searchAs(base, '203.0.113.1'), await searchAs(base, '203.0.113.2'), await searchAs(base, '203.0.113.3')];
  assert.deepEqual(statuses, [200, 200, 429]);
});

test('behind a trusted proxy, each client named in X-Forwarded-For has a limit of its own', async () => {
  const base = await listen(
    createApp({ search: emptySearch(), episodesDir: await testdir(), rateLimit: 2, trustProxy: 'loopback', log: () => {} }),
  );
  const first = [await searchAs(base, '203.0.113.1'), await searchAs(base, '203.0.113.1'), await searchAs(base, '203.0.113.1')];
  const other = await searchAs(base, '203.0.113.2');
  assert.deepEqual(first, [200, 200, 429]);
  assert.equal(other, 200);
});

test('IPv6 clients of one /56 share a limit', async () => {
  const base = await listen(
    createApp({ search: emptySearch(), episodesDir: await testdir(), rateLimit: 2, trustProxy: 'loopback', log: () => {} }),
  );
  const statuses = [
    await searchAs(base, '2001:db8:0:1::1'),
    await searchAs(base, '2001:db8:0:2::1'),
    await searchAs(base, '2001:db8:0:3::1'),
  ];
  assert.deepEqual(statuses, [200, 200, 429]);
});
