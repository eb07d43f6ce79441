import { parseArgs, styleText } from 'node:util';
import { loadConfig } from '../adapters/cli/load-config.ts';
import { meiliClient } from '../adapters/meili/meili-client.ts';
import { meiliSearch } from '../adapters/meili/meili-search.ts';
import { connectSearchEngine } from '../adapters/meili/search-engine.ts';
import { indexNames } from '../src/documents/index-settings.ts';
import { PodgrepError } from '../src/errors.ts';
import { parseSearchQuery } from '../src/search/search-request.ts';
import { episodeMeta, type SearchResponse } from '../src/search/search-results.ts';
import { oneLine } from '../src/terminal-text.ts';
import { formatTime } from '../src/time.ts';

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
  if (values.help) return (void out.write(`${USAGE}\n`), 0);
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
  // Every piece of content is made safe for the terminal (a title could write to the clipboard with OSC 52, or clear
  // the screen) before podgrep adds its own bold: the only escape sequences printed are ours.
  const marked = (words: string) => (color ? styleText('bold', words, { validateStream: false }) : `[${words}]`);
  // Snippets mark matches with <mark>…</mark> and never nest them: odd parts of the split are the matched words.
  const text = (snippet: string) =>
    snippet
      .split(/<mark>([^<]*)<\/mark>/)
      .map((part, i) => (i % 2 ? marked(oneLine(decode(part))) : oneLine(decode(part))))
      .join('');
  if (results.totalEpisodes === 0) return `Nothing found for “${oneLine(results.query)}”.\n`;
  const lines = [`${results.totalEpisodes} episode(s) mention “${oneLine(results.query)}” (page ${results.page}):`, ''];
  for (const episode of results.episodes) {
    const meta = oneLine(episodeMeta(episode));
    lines.push(`${oneLine(episode.title)}${meta ? `  (${meta})` : ''}`, `  ${base}${oneLine(episode.url)}`);
    for (const note of episode.notes.slice(0, 1)) lines.push(`  ${oneLine(note.field)}: ${text(note.snippet)}`);
    for (const moment of episode.moments)
      lines.push(`  ▶ ${formatTime(moment.at).padStart(7)}  ${text(moment.snippet)}`, `             ${base}${oneLine(moment.url)}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** Snippets are HTML-escaped text; only numeric references are used (html.ts). */
function decode(html: string): string {
  return html.replace(/&#(\d+);/g, (all, code: string) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : all));
}
