import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

/** A real temporary folder holding `files` (path → content), removed after the test file. */
export async function testdir(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'podgrep-test-'));
  after(() => fs.rm(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), content);
  }
  return dir;
}

export const SAMPLE_EPISODE = new URL('../../episodes/emx-059-using-rust-to-scale-elixir.md', import.meta.url);
