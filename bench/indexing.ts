import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { readEpisodes } from '../indexer/sources/read-episodes.ts';
import { episodeDocument, momentDocuments } from '../src/documents/documents.ts';
import { episodeSettings, indexNames, momentSettings } from '../src/documents/index-settings.ts';
import { toMoments } from '../src/moments/moments.ts';
import { importTranscript } from '../src/transcript/transcript-import.ts';

/** `cpuSeconds`: the process's own CPU time (user and system), which other work on a shared machine sways less than the clock. */
export type Run = { seconds: number; maxRssMb: number; cpuSeconds: number; output: string };

/** Runs a podgrep command as a user would (its own process), timing it and reading its peak memory and CPU time. */
export async function timed(
  env: NodeJS.ProcessEnv,
  args: string[],
  until?: (output: string) => boolean,
): Promise<Run & { kill?: () => Promise<Run> }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', './bench/max-rss.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Run>((resolve) =>
    child.on('exit', () =>
      resolve({
        seconds: (performance.now() - started) / 1000,
        maxRssMb: Number(/max-rss-kb (\d+)/.exec(output)?.[1] ?? 0) / 1024,
        cpuSeconds: Number(/cpu-us (\d+)/.exec(output)?.[1] ?? 0) / 1e6,
        output,
      }),
    ),
  );
  if (until) {
    while (!until(output)) {
      if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { seconds: 0, maxRssMb: 0, cpuSeconds: 0, output, kill: () => (child.kill('SIGTERM'), exited) };
  }
  const run = await exited;
  if (child.exitCode !== 0) throw new Error(`podgrep ${args.join(' ')} failed:\n${output.slice(-2000)}`);
  return run;
}

/**
 * The same documents podgrep writes, built by the same pure functions before the clock starts, sent the way
 * Meilisearch's docs recommend (NDJSON, 50k a request). The raw indexes are deleted afterwards: at 10,000 episodes they
 * are another 4 GB on disk, and the search measurement should see the engine as podgrep leaves it.
 */
export async function rawImport(
  host: string,
  headers: Record<string, string>,
  dir: string,
  log: (line: string) => void,
  engineCpu: () => Promise<number>,
) {
  const catalogue = await readEpisodes(dir);
  const episodes: string[] = [];
  const moments: string[] = [];
  for (const [i, item] of catalogue.episodes.entries()) {
    const transcript = importTranscript(item.transcriptFile!, await fs.readFile(item.transcriptFile!, 'utf8'), {
      people: [...item.episode.panel, ...item.episode.guests],
    });
    const cut = toMoments(transcript);
    const state = {
      transcribed: true,
      momentCount: cut.length,
      fingerprint: '',
      speakers: [...new Set(cut.flatMap((moment) => moment.speakers))],
    };
    episodes.push(JSON.stringify(episodeDocument(item.episode, { audio: null, audioPath: null }, state)));
    // With the transcript's lines (`cues`), as the pipeline writes them: the same documents, not lighter ones.
    for (const doc of momentDocuments(item.episode, cut, transcript.segments)) moments.push(JSON.stringify(doc));
    if ((i + 1) % 2000 === 0) log(`  built the documents of ${i + 1} of ${catalogue.episodes.length} episodes`);
  }
  const names = indexNames('raw');
  const call = async (method: string, url: string, body?: string, type = 'application/json') => {
    const response = await fetch(`${host}${url}`, { method, headers: { ...headers, 'content-type': type }, ...(body ? { body } : {}) });
    const task = (await response.json()) as { taskUid: number };
    return task.taskUid;
  };
  const wait = async (uid: number) => {
    for (;;) {
      const task = (await (await fetch(`${host}/tasks/${uid}`, { headers })).json()) as { status: string; error?: unknown };
      if (task.status === 'succeeded') return;
      if (task.status === 'failed') throw new Error(JSON.stringify(task.error));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const started = performance.now();
  const [cpu0, engine0] = [process.cpuUsage(), await engineCpu()];
  await wait(await call('PATCH', `/indexes/${names.episodes}/settings`, JSON.stringify({ ...episodeSettings({}), synonyms: {} })));
  await wait(await call('PATCH', `/indexes/${names.moments}/settings`, JSON.stringify({ ...momentSettings({}), synonyms: {} })));
  const uids = [await call('POST', `/indexes/${names.episodes}/documents?primaryKey=id`, episodes.join('\n'), 'application/x-ndjson')];
  // 50,000 documents a request stays well under the 100 MB payload limit.
  for (let i = 0; i < moments.length; i += 50_000) {
    uids.push(
      await call(
        'POST',
        `/indexes/${names.moments}/documents?primaryKey=id`,
        moments.slice(i, i + 50_000).join('\n'),
        'application/x-ndjson',
      ),
    );
  }
  for (const uid of uids) await wait(uid);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const engineCpuSeconds = (await engineCpu()) - engine0;
  for (const uid of Object.values(names)) await wait(await call('DELETE', `/indexes/${uid}`));
  return { seconds, documents: episodes.length + moments.length, cpuSeconds, engineCpuSeconds };
}
