import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { meiliClient } from '../../adapters/meili/meili-client.ts';
import { startEmbeddedMeili } from '../../adapters/meili/meili-server.ts';
import { indexNames } from '../../src/documents/index-settings.ts';
import { fillerLines } from '../support/script.ts';
import { audioCatalogue, type Stack, startStack } from '../support/stack.ts';
import { speak } from '../support/tone-speech.ts';

async function catalogue(): Promise<string> {
  const { episodes: dir, audioDir: audio, audioHost: host } = await audioCatalogue();
  for (let i = 1; i <= 4; i++) {
    await speak([...fillerLines(18, i), { text: `episode ${i} ends with the word marmalade` }], path.join(audio, `e${i}.mp3`));
    await fs.writeFile(
      path.join(dir, `e${i}.md`),
      `---\ntitle: Episode ${i}\naudio_url: ${host}/e${i}.mp3\n---\n## Summary\nNumber ${i}.\n`,
    );
  }
  return dir;
}

const ENV = { TRANSCRIBE_MAX_UPLOAD_BYTES: '250000', TRANSCRIBE_CONCURRENCY: '2' };

/** Every document id in the stack's indexes, sorted. */
async function documents(stack: Stack): Promise<string[]> {
  const client = meiliClient(stack.meili);
  const names = indexNames(stack.config.meili.indexPrefix);
  const ids: string[] = [];
  for (const uid of [names.episodes, names.moments]) {
    const page = await client.index(uid).getDocuments<{ id: string }>({ fields: ['id'], limit: 10_000 });
    ids.push(...page.results.map((doc) => `${uid}/${doc.id}`.replace(stack.config.meili.indexPrefix, '')));
  }
  return ids.sort();
}

test('killed with SIGKILL again and again, the indexer finishes with nothing missing, duplicated or paid twice', async () => {
  const dir = await catalogue();
  const stack = await startStack(dir, ENV);
  // Kills land at different stages: downloading, decoding, transcribing, writing documents.
  let kills = 0;
  for (const after of [250, 700, 1200, 1800, 2600]) {
    const child = spawn(process.execPath, ['indexer/commands/index-command.ts'], { env: stack.env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), after);
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    clearTimeout(timer);
    if (signal === 'SIGKILL') kills++;
    else assert.ok(code === 0, `a run exited with ${code}`);
  }
  assert.ok(kills >= 2, `only ${kills} runs were killed mid-way`);
  const before = stack.whisper.requests.length;
  const report = await stack.index();
  assert.deepEqual(report.failed, []);
  // The final run pays only for what no earlier run got an answer for.
  const final = stack.whisper.requests
    .slice(before)
    .filter((r) => r.status === 200)
    .map((r) => r.sha256);
  const answeredBefore = new Set(
    stack.whisper.requests
      .slice(0, before)
      .filter((r) => r.status === 200)
      .map((r) => r.sha256),
  );
  assert.ok(final.filter((sha) => answeredBefore.has(sha)).length <= 2, 'the last run resent pieces answered long before');
  // An answer that arrived is never paid for again. The one exception cannot be helped: a request in flight at the
  // moment of a SIGKILL, whose answer never reached the indexer — at most TRANSCRIBE_CONCURRENCY (2) per kill.
  const paid = stack.whisper.requests.filter((r) => r.status === 200).map((r) => r.sha256);
  const again = paid.length - new Set(paid).size;
  assert.ok(again <= kills * 2, `${again} pieces sent again after ${kills} kills`);
  // Nothing half-written is left in the caches.
  for (const folder of ['transcripts', 'audio', 'work']) {
    const names = await fs.readdir(path.join(stack.config.dataDir, folder)).catch(() => []);
    assert.deepEqual(
      names.filter((name) => /partial|\.part$/.test(name)),
      [],
      folder,
    );
  }

  // The same catalogue indexed once, without interruptions, has exactly the same documents.
  const clean = await startStack(dir, ENV);
  await clean.index();
  assert.deepEqual(await documents(stack), await documents(clean));
  assert.equal(((await (await fetch(`${stack.web}/api/search?q=marmalade`)).json()) as { totalEpisodes: number }).totalEpisodes, 4);
});

test('Meilisearch restarted in the middle of a run: the writes wait for it, and nothing is lost', async () => {
  const dir = await catalogue();
  let restarted: Promise<unknown> | undefined;
  let stack: Stack | undefined;
  stack = await startStack(dir, ENV, {
    // When the last piece is sent (4 episodes × 3 pieces), Meilisearch goes down for two seconds: the run's writes,
    // which come after the transcripts, land in that gap.
    intercept: (n) => {
      if (!stack || restarted || n < 12) return undefined;
      const { dataDir, host } = stack.meili;
      restarted = stack.meili.stop().then(async () => {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        return startEmbeddedMeili({ dataDir, bin: undefined, port: Number(new URL(host).port) });
      });
      return undefined;
    },
  });
  const report = await stack.index();
  const again = (await restarted) as { stop(): Promise<void> } | undefined;
  assert.ok(again, 'Meilisearch was restarted during the run');
  assert.deepEqual(report.failed, []);
  assert.equal(report.indexed, 4);
  assert.equal(((await (await fetch(`${stack.web}/api/search?q=marmalade`)).json()) as { totalEpisodes: number }).totalEpisodes, 4);
  await again.stop();
});
