import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { EpisodeError } from '../errors.ts';
import { indentQuotedLines, plainLines, quoteReservedStarts, READ_BY_LINE } from './quoted-lines.ts';

/** The fields at the top of an episode file and the Markdown after them. `format` is 'none' when there are none. */
export type FrontMatter = { data: Record<string, unknown>; content: string; format: 'yaml' | 'toml' | 'json' | 'none' };

/**
 * YAML is read with the YAML 1.2 core schema, the one YAML schema there is: `39:31` stays the text "39:31" (YAML 1.1,
 * gray-matter's default js-yaml, makes it the number 2371), dates stay text for dates.ts, and there are no tags that
 * build objects. Aliases are capped, so a billion-laughs file fails fast.
 */
function yaml(text: string): object {
  const read = (source: string): object =>
    parseYaml(source, { version: '1.2', schema: 'core', uniqueKeys: false, maxAliasCount: 100, logLevel: 'error', strict: false });
  try {
    return read(text);
  } catch (error) {
    // Quoted values continued at the margin, as js-yaml allows, and values that start `@` (quoted-lines.ts); any other
    // error stands as it was.
    const indented = indentQuotedLines(quoteReservedStarts(text));
    if (indented !== text) {
      try {
        return read(indented);
      } catch {}
    }
    // `title: 73 • Moving Beyond Syntax: Lessons …`: plain lines, each value the rest of its line (quoted-lines.ts).
    const lines = plainLines(text);
    if (!lines) throw error;
    return lines;
  }
}

const json = (text: string): object => JSON.parse(text) as object;

// gray-matter merges its own engines under ours, and its `javascript` engine runs the front matter with eval. Every
// engine name it knows is set here; the fence is also checked before gray-matter sees the text (readFrontMatter).
const refuse = (language: string) => (): object => {
  throw new UnreadableFence(language);
};
const ENGINES = {
  yaml: { parse: yaml },
  toml: { parse: (text: string): object => parseToml(text) },
  json: { parse: json },
  javascript: { parse: refuse('javascript') },
  js: { parse: refuse('js') },
  coffee: { parse: refuse('coffee') },
};
const READABLE = new Set(['', 'yaml', 'yml', 'toml', 'json']);

class UnreadableFence extends Error {
  constructor(language: string) {
    super(`the front matter is fenced as ---${language}, which podgrep does not read (it could run code)`);
  }
}

/** A file podgrep reads, shown where one cannot be. */
export const EXAMPLE = `---
title: "EMx 059: Using Rust to Scale Elixir"
date: 2019-07-09
audio_url: https://example.com/emx-059.mp3
---`;

/**
 * Splits an episode file into its front matter and body. Fences: `---` (YAML; `---yaml`, `---toml`, `---json` name
 * another), `+++` (TOML, as Hugo writes it) and a bare `{ … }` JSON object at the top (Hugo again). Nothing here can
 * run code: a fence naming any other language is an error naming the file.
 */
export function readFrontMatter(file: string, text: string, warn?: (message: string) => void): FrontMatter {
  // Windows line ends would leave a `\r` on the last line of the front matter, which TOML refuses. Hugo reads front
  // matter after blank lines at the top (IRL's "Our Heads in the Cloud" starts with one), so podgrep does too.
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+(?=(?:---|\+\+\+)[^\n]*\n)/, '');
  const fence = /^(---|\+\+\+)([^\r\n]*)\r?\n/.exec(body);
  if (!fence) {
    if (body.trimStart().startsWith('{')) return hugoJson(file, body);
    return { data: {}, content: body, format: 'none' };
  }
  const toml = fence[1] === '+++';
  const language = toml ? 'toml' : (fence[2] ?? '').trim().toLowerCase();
  if (!READABLE.has(language) || (toml && fence[2]?.trim())) {
    throw new EpisodeError(
      file,
      `the front matter is fenced as ${fence[0].trim()}, which podgrep does not read (it could run code); use --- for YAML, +++ for TOML or ---json`,
    );
  }
  const format = language === 'toml' ? 'toml' : language === 'json' ? 'json' : 'yaml';
  let parsed: { data: unknown; content: string };
  try {
    // A fresh options object turns off gray-matter's cache, which would hand back a stale result for equal text.
    parsed = toml
      ? matter(body, { delimiters: '+++', language: 'toml', engines: ENGINES })
      : matter(body, { language: format, engines: ENGINES });
  } catch (error) {
    if (error instanceof UnreadableFence) throw new EpisodeError(file, error.message, { cause: error });
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const name = format === 'yaml' ? 'YAML' : format.toUpperCase();
    throw new EpisodeError(file, `the ${name} front matter does not parse (${reason}); expected for example:\n${EXAMPLE}`, {
      cause: error,
    });
  }
  const content = /\.mdx$/i.test(file) ? mdxAsMarkdown(parsed.content) : parsed.content;
  if (parsed.data && (parsed.data as Record<symbol, unknown>)[READ_BY_LINE])
    warn?.(`${file}: the YAML front matter does not parse; each of its lines was read as key: text`);
  return { data: mapping(file, parsed.data), content, format };
}

/**
 * An MDX body as the Markdown it is: its `import`/`export` lines and `{/* comments *\/}` are code for the site's build,
 * not notes; its components (`<Transcript>`) are tags, which the notes' HTML reading drops. Nothing of it runs.
 */
function mdxAsMarkdown(content: string): string {
  const kept: string[] = [];
  let at = 0;
  // One pass: an unclosed `{/*` keeps the rest as it is.
  for (let open = content.indexOf('{/*'); open >= 0; open = content.indexOf('{/*', at)) {
    const close = content.indexOf('*/}', open + 3);
    if (close < 0) break;
    kept.push(content.slice(at, open));
    at = close + 3;
  }
  kept.push(content.slice(at));
  return kept.join('').replace(/^(?:import|export)\s[^\n]*$/gm, '');
}

/** Hugo's JSON front matter: an object at the very top of the file, its closing brace ending the front matter. */
function hugoJson(file: string, text: string): FrontMatter {
  const start = text.indexOf('{');
  const end = closingBrace(text, start);
  if (end < 0) throw new EpisodeError(file, 'the JSON front matter does not parse (its closing } was not found)');
  let data: unknown;
  try {
    data = JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    throw new EpisodeError(file, `the JSON front matter does not parse (${(error as Error).message})`, { cause: error });
  }
  return { data: mapping(file, data), content: text.slice(end + 1).replace(/^[ \t]*\r?\n/, ''), format: 'json' };
}

/** Where the object opened at `start` closes, skipping braces inside strings; one pass over the text. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return i;
  }
  return -1;
}

function mapping(file: string, data: unknown): Record<string, unknown> {
  if (data === null || data === undefined || data === '') return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new EpisodeError(file, `the front matter must be a mapping of fields such as title and date; expected for example:\n${EXAMPLE}`);
  }
  return data as Record<string, unknown>;
}

/** A whole data file (Hugo's `data/`, Jekyll's and Eleventy's `_data/`), by its extension, with the same parsers and limits. */
export function readDataFile(file: string, text: string): unknown {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  try {
    if (extension === 'toml') return parseToml(body);
    if (extension === 'json') return json(body);
    if (extension === 'yml' || extension === 'yaml') return yaml(body);
  } catch (error) {
    throw new EpisodeError(file, `does not parse (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, {
      cause: error,
    });
  }
  return readFrontMatter(file, body).data;
}
