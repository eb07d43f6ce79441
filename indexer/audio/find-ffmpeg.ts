import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findBinary } from '../../adapters/files/find-binary.ts';

/** Builds older than this year are not trusted with untrusted audio: decoders get security fixes every release. */
const OLDEST_TRUSTED_YEAR = 2022;

export type Ffmpeg = { path: string; version: string; warning: string | undefined };

/**
 * The ffmpeg a run decodes with, and a line saying which one. The system's is preferred (its distribution patches it);
 * the npm fallback ships a build from 2018, so using it — or any build that old — comes with a warning.
 */
export async function findFfmpeg(options: { override: string | undefined; copyDir: string }): Promise<Ffmpeg> {
  const file = await findBinary({
    name: 'ffmpeg',
    override: { path: options.override, variable: 'FFMPEG_BIN' },
    packaged: '@ffmpeg-installer/linux-x64/ffmpeg',
    copyDir: options.copyDir,
    help: 'Install it (Debian: `apt-get install ffmpeg`), run `npm ci` on Linux x64, or set FFMPEG_BIN.',
  });
  const banner = await promisify(execFile)(file, ['-version'], { timeout: 10_000 }).then(
    ({ stdout }) => stdout.split('\n')[0] ?? '',
    () => '',
  );
  const version = /ffmpeg version (\S+)/.exec(banner)?.[1] ?? 'unknown';
  const year = Number(/Copyright \(c\) \d{4}-(\d{4})/.exec(banner)?.[1] ?? Number.NaN);
  const packaged = file.startsWith(options.copyDir + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`);
  const old = Number.isFinite(year) && year < OLDEST_TRUSTED_YEAR;
  const warning =
    packaged || old
      ? `⚠ ffmpeg ${version} (${file}) is ${old ? `a build from ${year}` : 'the npm fallback build'}; it decodes untrusted audio ` +
        'without years of security fixes. Install the system one (Debian: apt-get install ffmpeg) or set FFMPEG_BIN.'
      : undefined;
  return { path: file, version, warning };
}
