import { parseArgs } from 'node:util';
import { PodgrepError } from '../src/errors.ts';
import { indexNames } from '../src/index-settings.ts';
import { parseSearchQuery } from '../src/search-request.ts';
import { episodeMeta, type SearchResponse } from '../src/search-results.ts';
import { formatTime } from '../src/time.ts';
import { meiliSearch } from '../web/meili-search.ts';
import { loadConfig } from './load-config.ts';
import { meiliClient } from './meili-client.ts';
import { connectSearchEngine } from './search-engine.ts';

const USAGE = `Usage: podgrep search [--json] [--page N] [--podcast P] [--tag T] [--year Y] [--person NAME] [--newest] "words"
       npm run search -- "dirty schedulers"

Prints the episodes that mention the words, each with its moments (m:ss) and full links that play them.
  --json     the same JSON as GET /api/search, for scripts`;

/** `podgrep search "…"`: the search page's results, in a terminal. */
export async function searchCommand(argv: string[], out: NodeJS.WriteStream = process.stdout): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        page: { type: 'string' },
        podcast: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        year: { type: 'string', multiple: true },
        person: { type: 'string', multiple: true },
        newest: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new PodgrepError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return void out.write(`${USAGE}\n`), 0;
  const query = parseSearchQuery({ ...values, q: positionals.join(' '), sort: values.newest ? 'newest' : 'relevance' });
  const config = loadConfig();
  const engine = await connectSearchEngine(config, () => {});
  try {
    const results = await meiliSearch(meiliClient(engine), indexNames(config.meili.indexPrefix)).search(query);
    out.write(values.json ? `${JSON.stringify(results, null, 2)}\n` : render(results, config.publicUrl, Boolean(out.isTTY)));
    return 0;
  } finally {
    await engine.stop();
  }
}

/** Readable in a terminal: matches in bold where the terminal can show it, in [brackets] where it cannot. */
export function render(results: SearchResponse, base: string, color: boolean): string {
  const text = (snippet: string) =>
    snippet
      .replace(/<mark>/g, color ? '\x1b[1m' : '[')
      .replace(/<\/mark>/g, color ? '\x1b[22m' : ']')
      .replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)));
  if (results.totalEpisodes === 0) return `Nothing found for “${results.query}”.\n`;
  const lines = [`${results.totalEpisodes} episode(s) mention “${results.query}” (page ${results.page}):`, ''];
  for (const episode of results.episodes) {
    const meta = episodeMeta(episode);
    lines.push(`${episode.title}${meta ? `  (${meta})` : ''}`, `  ${base}${episode.url}`);
    for (const note of episode.notes.slice(0, 1)) lines.push(`  ${note.field}: ${text(note.snippet)}`);
    for (const moment of episode.moments) lines.push(`  ▶ ${formatTime(moment.at).padStart(7)}  ${text(moment.snippet)}`, `             ${base}${moment.url}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
