import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { removeLeftovers, tempName, writeFileAtomic } from '../../adapters/files/temp-files.ts';
import { testdir } from '../support/testdir.ts';

/** A pid that certainly belonged to a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

test("a killed run's half-written files are removed; a running one's are kept until they go a day untouched", async () => {
  const dir = await testdir();
  const uuid = '0b0b0b0b-1111-4222-8333-444455556666';
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  try {
    const dead = `ep.mp3.${await deadPid()}-${uuid}.part`;
    const running = `other.mp3.${sleeper.pid}-${uuid}.part`;
    const abandoned = `old.wav.${sleeper.pid}-${uuid}.part`;
    // A killed run whose pid this process now has (pid 1 in a container, run after run).
    const reused = `ep.json.${process.pid}-${uuid}.part`;
    const mine = path.basename(tempName(path.join(dir, 'mine.json')));
    // Names earlier versions used: the pid after `.partial-`, or none (then only age tells).
    const oldDead = `t.json.partial-${await deadPid()}`;
    const oldFresh = 'a.wav.partial';
    for (const name of [dead, running, abandoned, reused, mine, oldDead, oldFresh, 'ep.mp3', 'notes.part']) {
      await fs.writeFile(path.join(dir, name), 'x');
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3_600_000);
    await fs.utimes(path.join(dir, abandoned), twoDaysAgo, twoDaysAgo);
    // An hour is nothing: a decoded episode is read for as long as its pieces are transcribed.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(path.join(dir, running), anHourAgo, anHourAgo);

    assert.equal(await removeLeftovers([dir, path.join(dir, 'missing')]), 4);
    assert.deepEqual((await fs.readdir(dir)).sort(), ['ep.mp3', mine, 'notes.part', oldFresh, running].sort());
  } finally {
    sleeper.kill();
  }
});

test('an atomic write leaves the whole file and nothing beside it', async () => {
  const dir = await testdir();
  const file = path.join(dir, 'a.json');
  await writeFileAtomic(file, '{"a":1}', 0o600);
  assert.deepEqual(await fs.readdir(dir), ['a.json']);
  assert.equal(await fs.readFile(file, 'utf8'), '{"a":1}');
  assert.equal((await fs.stat(file)).mode & 0o777, 0o600);
  await assert.rejects(writeFileAtomic(path.join(dir, 'no', 'b.json'), 'x'), /ENOENT/);
  assert.deepEqual(await fs.readdir(dir), ['a.json']);
});
