/**
 * js-yaml — gray-matter's YAML, so what most Jekyll and Eleventy sites are built with — reads a quoted value whose
 * next lines start at the margin:
 *
 *     title: 'Dev Ed 002: Staying Current in Web Development
 *
 *     '
 *
 * YAML 1.2 wants those lines indented deeper than their key, and the `yaml` package refuses the file ("Missing closing
 * 'quote"). Files written so by a site's CMS build fine on the site, so podgrep reads them as js-yaml does: each line
 * inside a quoted value that starts at or left of its key's column is indented one space past it. Used only on text
 * that did not parse; the value read is the same, as line folding ignores that indentation.
 */
export function indentQuotedLines(text: string): string {
  const lines = text.split('\n');
  let open: { quote: string; indent: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    let from = 0;
    if (open) {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      if (line.trim() && indent <= open.indent) lines[i] = ' '.repeat(open.indent + 1 - indent) + line;
    } else {
      // `key: '…` or `key: "…` at any depth; a value that starts a quote is the only place one can be left open.
      // The key's column is past a list item's dash: `  - title: "The Power Broker⏎Robert Moses …"`.
      const start = /^( *(?:- +)?)[^\s'"#][^:]*:[ \t]+(['"])/.exec(line);
      if (!start) continue;
      open = { quote: start[2] ?? "'", indent: start[1]?.length ?? 0 };
      from = start[0].length;
    }
    if (closes(lines[i] ?? '', from, open.quote)) open = undefined;
  }
  return lines.join('\n');
}

/** Whether the quoted value open at `from` ends on this line: `''` is a quote inside '…', `\"` one inside "…". */
function closes(line: string, from: number, quote: string): boolean {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

/** Marks front matter read line by line (`plainLines`), so the episode's reader can say so in a warning. */
export const READ_BY_LINE = Symbol('read line by line');

/**
 * Front matter of plain `key: value` lines only, each value the rest of its line, for a file whose YAML does not parse
 * because a value holds `: ` unquoted (Feeling of Computing's `title: 73 • Moving Beyond Syntax: Lessons …`), which the
 * site's own build reads as text. Undefined when any line is more than that (a list, a nested field, a block).
 */
export function plainLines(text: string): Record<string | symbol, unknown> | undefined {
  const data: Record<string | symbol, unknown> = { [READ_BY_LINE]: true };
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const field = /^([A-Za-z_][\w-]*):[ \t]+(.*)$/.exec(line);
    const value = field?.[2]?.trim() ?? '';
    if (!field?.[1] || !value || /^[[{|>&*!'"]/.test(value)) return undefined;
    // `published: false` and `draft: true` stay flags (episode.ts skips drafts by them).
    data[field[1]] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return Object.keys(data).length ? data : undefined;
}

/**
 * `twitter: @shochdoerfer`: YAML reserves `@` and `` ` `` at the start of a plain value, and refuses the file; the PHP
 * and Ruby readers many sites were built with took the rest of the line as text. Each such value is quoted, as they
 * read it; not a line of a `|` or `>` block, which is text already. Used only on text that did not parse.
 */
export function quoteReservedStarts(text: string): string {
  let block: number | undefined;
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      if (block !== undefined && (!line.trim() || indent > block)) return line;
      block = /:[ \t]+[|>][-+\d]*[ \t]*$/.test(line) ? indent : undefined;
      const field = /^( *(?:- +)?(?:[^\s#'"-][^:]*:[ \t]+)?)([@`].*)$/.exec(line);
      return field?.[1]?.trim() ? `${field[1]}${JSON.stringify((field[2] ?? '').trimEnd())}` : line;
    })
    .join('\n');
}
