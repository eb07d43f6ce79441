import fs from 'node:fs/promises';

/**
 * Writes the `## …` sections of `markdown` into BENCHMARKS.md, replacing those of the same name where they stand and
 * keeping the others: `npm run bench` and `npm run bench:load` each own their sections and can be run apart. A
 * preface (text before the first section) replaces the file's preface.
 */
export async function writeSections(file: string, markdown: string): Promise<void> {
  const split = (text: string) => {
    const parts = text.split(/^(?=## )/m);
    const preface = parts[0]?.startsWith('## ') ? '' : (parts.shift() ?? '');
    return { preface, sections: parts };
  };
  const name = (section: string) => section.split('\n')[0];
  const old = split(await fs.readFile(file, 'utf8').catch(() => ''));
  const fresh = split(markdown);
  const byName = new Map(fresh.sections.map((section) => [name(section), section]));
  const merged = old.sections.map((section) => {
    const replacement = byName.get(name(section));
    byName.delete(name(section));
    return replacement ?? section;
  });
  const parts = [fresh.preface || old.preface, ...merged, ...byName.values()].filter(Boolean);
  await fs.writeFile(file, parts.map((part) => `${part.trimEnd()}\n`).join('\n'));
}
