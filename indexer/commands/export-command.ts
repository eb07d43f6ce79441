import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../adapters/cli/load-config.ts';
import { runCli } from '../../adapters/cli/run-cli.ts';
import { meiliClient } from '../../adapters/meili/meili-client.ts';
import { meiliSearch } from '../../adapters/meili/meili-search.ts';
import { connectSearchEngine } from '../../adapters/meili/search-engine.ts';
import type { EpisodeDocument } from '../../src/documents/documents.ts';
import { indexNames } from '../../src/documents/index-settings.ts';
import { chaptersOf } from '../../src/episode/chapters.ts';
import { PodgrepError } from '../../src/errors.ts';
import { FEED_TYPES, toChaptersJson, toPodcastJson, toSrt, toVtt } from '../../src/export/transcript-files.ts';

const USAGE = `Usage: npm run export -- --out DIR [--base-url URL]

Writes every indexed episode's transcript (transcript.vtt, .srt, .json) and chapters (chapters.json) under
DIR/episodes/<slug>/, the same files GET /episodes/<slug>/… serves, and prints the <podcast:transcript> and
<podcast:chapters> lines to add to each episode's <item> in the feed.
  --out DIR        where to write (created if missing)
  --base-url URL   where DIR will be published, e.g. https://cdn.example.com/podgrep (default: PUBLIC_URL, the page)`;

/** `npm run export`: the exports as files, for hosts who publish them from a CDN. Tags go to stdout, progress to stderr. */
export async function main(
  argv = process.argv.slice(2),
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, 'base-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw new PodgrepError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) return (void out.write(`${USAGE}\n`), 0);
  if (!values.out) throw new PodgrepError(`--out DIR is required\n${USAGE}`);
  const config = loadConfig();
  const base = (values['base-url'] ?? config.publicUrl).replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base)) throw new PodgrepError(`--base-url ${JSON.stringify(base)}: expected an http(s) URL`);
  const engine = await connectSearchEngine(config, (line) => err.write(`${line}\n`));
  try {
    const names = indexNames(config.meili.indexPrefix);
    const client = meiliClient(engine);
    const search = meiliSearch(client, names);
    const fields = ['slug', 'title', 'chapters', 'chapterStarts', 'chapterUrls'] as const;
    let transcripts = 0;
    let chapterFiles = 0;
    let seen = 0;
    for (let offset = 0; ; offset += 1000) {
      const page = await client.index<EpisodeDocument>(names.episodes).getDocuments({ fields: [...fields], limit: 1000, offset });
      for (const episode of page.results) {
        seen++;
        const folder = path.join(values.out, 'episodes', episode.slug);
        const url = `${base}/episodes/${encodeURIComponent(episode.slug)}`;
        const tags: string[] = [];
        const lines = await search.transcript(episode.slug);
        await fs.mkdir(folder, { recursive: true });
        if (lines.length) {
          transcripts++;
          await fs.writeFile(path.join(folder, 'transcript.json'), toPodcastJson(lines));
          await fs.writeFile(path.join(folder, 'transcript.vtt'), toVtt(lines));
          await fs.writeFile(path.join(folder, 'transcript.srt'), toSrt(lines));
          tags.push(
            `<podcast:transcript url="${attr(`${url}/transcript.json`)}" type="${FEED_TYPES.json}" />`,
            `<podcast:transcript url="${attr(`${url}/transcript.vtt`)}" type="${FEED_TYPES.vtt}" rel="captions" />`,
            `<podcast:transcript url="${attr(`${url}/transcript.srt`)}" type="${FEED_TYPES.srt}" />`,
          );
        }
        const chapters = chaptersOf(episode);
        if (chapters.length) {
          chapterFiles++;
          await fs.writeFile(path.join(folder, 'chapters.json'), toChaptersJson(chapters));
          tags.push(`<podcast:chapters url="${attr(`${url}/chapters.json`)}" type="${FEED_TYPES.chapters}" />`);
        }
        if (tags.length) out.write(`<!-- ${episode.slug}: ${episode.title.replace(/--/g, '–')} -->\n${tags.join('\n')}\n\n`);
        if (seen % 500 === 0) err.write(`Exported ${seen} episode(s)…\n`);
      }
      if (page.results.length < 1000) break;
    }
    err.write(
      `Exported ${transcripts} transcript(s) and ${chapterFiles} chapter file(s) of ${seen} episode(s) to ${path.join(values.out, 'episodes')}.\n`,
    );
    return 0;
  } finally {
    await engine.stop();
  }
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

if (import.meta.main) await runCli(main);
