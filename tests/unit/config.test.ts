import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../src/config/config.ts';
import { ConfigError } from '../../src/errors.ts';

test('defaults make a working configuration from an empty environment', () => {
  const config = parseConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.episodesDir, './episodes');
  assert.equal(config.meili.host, undefined);
  assert.equal(config.meili.indexPrefix, 'podgrep');
  assert.equal(config.transcribe.model, 'whisper-1');
  assert.equal(config.transcribe.concurrency, 4);
});

test('every problem is reported at once', () => {
  assert.throws(
    () =>
      parseConfig({
        PORT: 'eighty',
        MEILI_HOST: 'localhost:7700',
        TRANSCRIBE_CONCURRENCY: '0',
        MEILI_INDEX_PREFIX: 'a b',
        TRANSCRIBE_MODEL: 'gpt-4o-transcribe',
      }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 5, error.message);
      assert.match(error.message, /PORT="eighty": expected a whole number/);
      assert.match(error.message, /MEILI_HOST="localhost:7700": expected an http\(s\) URL/);
      assert.match(error.message, /TRANSCRIBE_CONCURRENCY="0"/);
      assert.match(error.message, /MEILI_INDEX_PREFIX="a b"/);
      assert.match(error.message, /gpt-4o-transcribe: this model returns no timestamps/);
      return true;
    },
  );
});

test('a remote Meilisearch needs a key', () => {
  assert.throws(() => parseConfig({ MEILI_HOST: 'https://ms.example.com' }), /neither MEILI_MASTER_KEY nor MEILI_API_KEY/);
  assert.equal(parseConfig({ MEILI_HOST: 'https://ms.example.com/', MEILI_API_KEY: 'k' }).meili.host, 'https://ms.example.com');
});
