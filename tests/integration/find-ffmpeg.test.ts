import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { findFfmpeg } from '../../indexer/audio/find-ffmpeg.ts';
import { testdir } from '../support/testdir.ts';

test('the system ffmpeg is used and named with its version, without a warning', async () => {
  const found = await findFfmpeg({ override: undefined, copyDir: await testdir() });
  assert.equal(found.path, '/usr/bin/ffmpeg');
  assert.match(found.version, /^\d+\.\d+/);
  assert.equal(found.warning, undefined);
});

test('the npm fallback build from 2018 is used only with a warning that says how to get a current one', async (t) => {
  let packaged: string;
  try {
    packaged = createRequire(import.meta.url).resolve('@ffmpeg-installer/linux-x64/ffmpeg');
  } catch {
    return t.skip('the optional npm ffmpeg is not installed on this platform');
  }
  // Copied out of node_modules with its execute bit (npm may not keep it): the build's own year is what is judged.
  const dir = await testdir();
  const copy = path.join(dir, 'ffmpeg');
  await fs.copyFile(packaged, copy);
  await fs.chmod(copy, 0o755);
  const old = await findFfmpeg({ override: copy, copyDir: path.join(dir, 'bin') });
  assert.match(old.warning ?? '', /build from 2018/);
  assert.match(old.warning ?? '', /apt-get install ffmpeg/);
});
