import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * A synthetic catalogue: `episodes` hour-long (or `minutes`-long) episodes with show notes and a WebVTT transcript
 * beside each, deterministic from the seed. Words follow a Zipf-like distribution over a vocabulary of real-length
 * words, and a few phrases are planted so queries have something specific to find.
 */
export type CatalogueOptions = { dir: string; episodes: number; minutes: number; seed?: number };

export const PLANTED = ['dirty schedulers', 'native implemented function', 'garbage collector', 'supervision tree'];

const COMMON = `the a to and of it that is in you we so this was but for on with they what have just like know
  be not are at can do there if about all one think really right yeah get more out some when because would people
  time also them then which it's don't how our very from who been much even well thing these those any`.split(/\s+/);
const TOPICAL = `process message server memory queue system supervisor node cluster latency request library runtime
  function module compile deploy release monitor trace state actor pattern data stream binary pipeline cache socket
  elixir erlang phoenix liveview ecto postgres database query index search transcript podcast episode guest
  rust scheduler reduction mailbox genserver application umbrella telemetry metrics logging benchmark profiling`.split(/\s+/);

function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, deterministic, good enough for text.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function vocabulary(next: () => number): string[] {
  const syllables = 'ba ko ri te sun mal der vin os ta pre lo qua nim ex tor gal pin ur so'.split(' ');
  const made = Array.from({ length: 3000 }, () => {
    const n = 1 + Math.floor(next() * 3);
    return Array.from({ length: n }, () => syllables[Math.floor(next() * syllables.length)]).join('');
  });
  return [...COMMON, ...TOPICAL, ...made];
}

function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s}`;
}

export async function writeCatalogue({ dir, episodes, minutes, seed = 42 }: CatalogueOptions): Promise<{ cues: number }> {
  await fs.mkdir(dir, { recursive: true });
  const next = random(seed);
  const words = vocabulary(next);
  // Zipf: the k-th word is chosen with probability ∝ 1/k.
  const weights = words.map((_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
  const pick = () => {
    const r = next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < r) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  let cues = 0;
  for (let e = 0; e < episodes; e++) {
    const slug = `ep-${String(e + 1).padStart(5, '0')}`;
    const date = new Date(Date.UTC(2015, 0, 1) + e * 3 * 86_400_000).toISOString().slice(0, 10);
    const lines = ['WEBVTT', ''];
    for (let t = 0.5; t < minutes * 60 - 6; t += 5) {
      const count = 8 + Math.floor(next() * 8);
      const text = Array.from({ length: count }, pick);
      if (next() < 0.002) text.splice(2, 0, ...PLANTED[Math.floor(next() * PLANTED.length)]!.split(' '));
      lines.push(`${vttTime(t)} --> ${vttTime(t + 4.6)}`, text.join(' '), '');
      cues++;
    }
    const guest = `${pick()} ${pick()}`.replace(/\b\w/g, (c) => c.toUpperCase());
    const md = `---
title: "Episode ${e + 1}: ${pick()} ${pick()} and ${TOPICAL[e % TOPICAL.length]}"
podcast: ${['elixir-mix', 'beam-radio', 'rust-hour'][e % 3]}
date: ${date}
episode_number: ${e + 1}
duration: '${minutes}:00'
tags: [${TOPICAL[e % 7]}, ${TOPICAL[(e * 3) % 11]}]
---
### Panel
* Host One
* Host Two

Joined by Special Guest: ${guest}

### Summary
${Array.from({ length: 40 }, pick).join(' ')}. ${e % 50 === 0 ? 'We talk about NIFs and dirty schedulers.' : ''}

### Links
* [${pick()} ${pick()}](https://example.com/${slug}/1)
* [${pick()} docs](https://example.com/${slug}/2)

### Picks
**Host One:**
* [${pick()}](https://example.com/${slug}/pick)
`;
    await fs.writeFile(path.join(dir, `${slug}.md`), md);
    await fs.writeFile(path.join(dir, `${slug}.vtt`), lines.join('\n'));
  }
  return { cues };
}

/**
 * The environment that points podgrep's own commands, run as child processes, at a benchmark catalogue and its
 * Meilisearch. No transcription (the catalogue's transcripts are imported) and no rate limit: a benchmark is one
 * client sending thousands of searches.
 */
export function benchEnv(root: string, meili: { host: string; masterKey: string }, prefix: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    EPISODES_DIR: path.join(root, 'episodes'),
    DATA_DIR: path.join(root, 'data'),
    MEILI_HOST: meili.host,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: prefix,
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    RATE_LIMIT: '0',
  };
}
