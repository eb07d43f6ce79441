import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import OpenAI, { toFile } from 'openai';
import type { FakeWhisper } from '../support/fake-whisper.ts';
import { startFakeWhisper } from '../support/fake-whisper.ts';
import type { SpokenWord } from '../support/tone-speech.ts';
import { speak, toWords } from '../support/tone-speech.ts';

const LINES = [{ text: 'Welcome to the show.' }, { text: "Today's guest bakes 42 kinds of bread." }, { text: 'Stay tuned.', at: 9 }];

let dir = '';
let audio: Buffer;
let spoken: SpokenWord[];
let fake: FakeWhisper;
let client: OpenAI;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fake-whisper-'));
  const file = join(dir, 'episode.mp3');
  spoken = (await speak(LINES, file, { bitrate: '64k', minDuration: 12 })).words;
  audio = await readFile(file);
  fake = await startFakeWhisper({ apiKey: 'test-key' });
  client = new OpenAI({ apiKey: 'test-key', baseURL: fake.url });
});
after(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

// Each test reads only the requests it made.
function since(n: number) {
  return fake.requests.slice(n);
}

test('transcribes the words and times in the audio, like whisper-1 verbose_json', async () => {
  const seen = fake.requests.length;
  const result = await client.audio.transcriptions.create({
    // A misleading name: the fake must hear the bytes, not read the name.
    file: await toFile(audio, 'nothing-to-see.mp3'),
    model: 'whisper-1',
    response_format: 'verbose_json',
    timestamp_granularities: ['segment', 'word'],
    prompt: 'Bakery names: Crumb & Co.',
  });
  assert.equal(result.language, 'english');
  assert.ok(Math.abs(result.duration - 12) < 0.1);
  const words = result.words ?? [];
  assert.deepEqual(
    words.map((w) => w.word),
    spoken.map((w) => w.word),
  );
  for (const [i, w] of words.entries()) assert.ok(Math.abs(w.start - spoken[i]!.start) < 0.1, `${w.word} at ${w.start}`);
  assert.deepEqual(
    (result.segments ?? []).map((s) => s.text),
    LINES.map((l) => ` ${toWords(l.text).join(' ')}`),
  );
  assert.ok(Math.abs(result.segments![2]!.start - 9) < 0.1);
  assert.equal(result.text, spoken.map((w) => w.word).join(' '));
  assert.deepEqual(since(seen), [
    {
      model: 'whisper-1',
      prompt: 'Bakery names: Crumb & Co.',
      bytes: audio.length,
      sha256: createHash('sha256').update(audio).digest('hex'),
      status: 200,
      words: spoken.length,
    },
  ]);
});

test('json and text formats; words only when asked for', async () => {
  const file = await toFile(audio, 'x.mp3');
  const json = await client.audio.transcriptions.create({ file, model: 'gpt-4o-mini-transcribe', response_format: 'json' });
  assert.equal(json.text, spoken.map((w) => w.word).join(' '));
  const text = await client.audio.transcriptions.create({ file, model: 'whisper-1', response_format: 'text' });
  assert.equal(String(text).trim(), json.text);
  const segmentsOnly = await client.audio.transcriptions.create({ file, model: 'whisper-1', response_format: 'verbose_json' });
  assert.equal(segmentsOnly.words, undefined);
  assert.equal(segmentsOnly.segments?.length, 3);
});

test('refusals look like OpenAI errors', async () => {
  const file = await toFile(audio, 'x.mp3');
  const wrongKey = new OpenAI({ apiKey: 'nope', baseURL: fake.url, maxRetries: 0 });
  await assert.rejects(
    wrongKey.audio.transcriptions.create({ file, model: 'whisper-1' }),
    (e: unknown) => e instanceof OpenAI.AuthenticationError && e.status === 401 && e.code === 'invalid_api_key',
  );
  await assert.rejects(
    client.audio.transcriptions.create({
      file: await toFile(Buffer.from('ID3 but not really audio'.repeat(40)), 'x.mp3'),
      model: 'whisper-1',
    }),
    (e: unknown) => e instanceof OpenAI.BadRequestError && /corrupted or unsupported/.test(e.message),
  );
  await assert.rejects(
    client.audio.transcriptions.create({ file, model: 'gpt-4o-transcribe', response_format: 'verbose_json' }),
    (e: unknown) => e instanceof OpenAI.BadRequestError && e.param === 'response_format',
  );
  await assert.rejects(
    client.audio.transcriptions.create({ file, model: 'whisper-2' }),
    (e: unknown) => e instanceof OpenAI.BadRequestError && e.param === 'model',
  );
  await assert.rejects(
    client.audio.transcriptions.create({ file: await toFile(audio, 'episode.xyz'), model: 'whisper-1' }),
    (e: unknown) => e instanceof OpenAI.BadRequestError && /Invalid file format/.test(e.message),
  );
});

test('413 for an upload over the limit', async () => {
  const small = await startFakeWhisper({ maxUploadBytes: 10_000 });
  try {
    const c = new OpenAI({ apiKey: 'any', baseURL: small.url });
    await assert.rejects(
      c.audio.transcriptions.create({ file: await toFile(audio, 'x.mp3'), model: 'whisper-1' }),
      (e: unknown) => e instanceof OpenAI.APIError && e.status === 413 && /Maximum content size limit \(10000\)/.test(e.message),
    );
    assert.deepEqual(
      small.requests.map((r) => r.status),
      [413],
    );
  } finally {
    await small.close();
  }
});

test('an intercepted 429 with Retry-After is retried by the client, then transcribed', async () => {
  const flaky = await startFakeWhisper({
    intercept: (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : undefined),
  });
  try {
    const c = new OpenAI({ apiKey: 'any', baseURL: flaky.url });
    const started = performance.now();
    const result = await c.audio.transcriptions.create({ file: await toFile(audio, 'x.mp3'), model: 'whisper-1' });
    assert.ok(performance.now() - started >= 900, 'waited for Retry-After');
    assert.equal(result.text, spoken.map((w) => w.word).join(' '));
    assert.deepEqual(
      flaky.requests.map((r) => r.status),
      [429, 200],
    );
    assert.equal(flaky.requests[0]!.sha256, flaky.requests[1]!.sha256);
  } finally {
    await flaky.close();
  }
});

test('a 503 reaches the caller once retries are used up', async () => {
  const down = await startFakeWhisper({ intercept: () => ({ status: 503 }) });
  try {
    const c = new OpenAI({ apiKey: 'any', baseURL: down.url, maxRetries: 1 });
    await assert.rejects(
      c.audio.transcriptions.create({ file: await toFile(audio, 'x.mp3'), model: 'whisper-1' }),
      (e: unknown) => e instanceof OpenAI.InternalServerError && e.status === 503,
    );
    assert.deepEqual(
      down.requests.map((r) => r.status),
      [503, 503],
    );
  } finally {
    await down.close();
  }
});

test('stays responsive while decoding a long file', async () => {
  const file = join(dir, 'long.mp3');
  const lines = Array.from({ length: 80 }, () => ({ text: 'the quick brown fox jumps over the lazy dog' }));
  await speak(lines, file, { bitrate: '32k', sampleRate: 16000 });
  const long = await readFile(file);
  let finished = 0;
  const transcription = client.audio.transcriptions
    .create({ file: await toFile(long, 'x.mp3'), model: 'whisper-1' })
    .then((r) => ((finished = performance.now()), r));
  await new Promise((r) => setTimeout(r, 300));
  const asked = performance.now();
  const models = await fetch(`${fake.url}/models`, { headers: { authorization: 'Bearer test-key' } });
  const answered = performance.now();
  assert.equal(models.status, 200);
  const result = await transcription;
  assert.equal(result.text.split(' ').length, 80 * 9);
  assert.ok(answered < finished, 'answered before the transcription finished');
  assert.ok(answered - asked < 250, `models took ${Math.round(answered - asked)} ms`);
});
