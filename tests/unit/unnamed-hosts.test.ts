import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostsHints } from '../../indexer/pipeline/run-report.ts';
import { podcastsWithoutHosts } from '../../src/catalogue/unnamed-hosts.ts';

const episodes = (podcast: string, count: number, withHost: number) =>
  Array.from({ length: count }, (_, i) => ({ episode: { podcast, panel: i < withHost ? ['Ann Lee'] : [] } }));

test('a podcast half of whose episodes or more name no host gets one line saying where to name them once', () => {
  const catalogue = { episodes: [...episodes('luftpost', 133, 0), ...episodes('kodsnack', 40, 30), ...episodes('tiny', 5, 0)] };
  assert.deepEqual(podcastsWithoutHosts(catalogue.episodes.map((item) => item.episode)), [{ podcast: 'luftpost', without: 133, of: 133 }]);
  const [line, ...more] = hostsHints(catalogue);
  assert.match(line ?? '', /^Hosts: 133 of 133 episode\(s\) of luftpost name no host; .*under hosts: in podgrep\.yml/);
  assert.deepEqual(more, []);
  // Where the hosts are named (in the files, or by podgrep.yml's `hosts:`), nothing is said.
  assert.deepEqual(hostsHints({ episodes: episodes('syntax', 50, 50) }), []);
});
