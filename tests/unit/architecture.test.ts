import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from '@babel/parser';

// The layers of docs/architecture.md, read from the imports themselves: each folder may import only the folders listed
// for it, so data flows one way (src ← adapters ← indexer, web ← bin) and no program reaches into another's rooms.
const LAYERS: Record<string, string[]> = {
  src: ['src'],
  adapters: ['src', 'adapters'],
  indexer: ['src', 'adapters', 'indexer'],
  web: ['src', 'adapters', 'web'],
  bin: ['src', 'adapters', 'indexer', 'web', 'bin'],
};
// The pure core computes; these are the packages it may use, none of which reads the disk or the network.
const CORE_PACKAGES = new Set([
  'entities',
  'gray-matter',
  'markdown-it',
  'parse5-sax-parser',
  'saxes',
  'smol-toml',
  'yaml',
  'node:crypto',
  'node:util',
]);

const repo = path.join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(repo, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(repo, path.join(entry.parentPath, entry.name)));
}

type Import = { specifier: string; typeOnly: boolean };

/** Every import, export-from and dynamic import() of a file, read by a real TypeScript parser rather than a pattern. */
function importsOf(file: string): Import[] {
  const ast = parse(fs.readFileSync(path.join(repo, file), 'utf8'), {
    sourceType: 'module',
    plugins: ['typescript'],
    errorRecovery: false,
  });
  const found: Import[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as {
      type?: string;
      source?: { value?: unknown };
      importKind?: string;
      exportKind?: string;
      callee?: { type?: string };
      arguments?: { type?: string; value?: unknown }[];
    };
    if (
      (n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration') &&
      typeof n.source?.value === 'string'
    ) {
      found.push({ specifier: n.source.value, typeOnly: n.importKind === 'type' || n.exportKind === 'type' });
    } else if (n.type === 'CallExpression' && n.callee?.type === 'Import' && n.arguments?.[0]?.type === 'StringLiteral') {
      found.push({ specifier: String(n.arguments[0].value), typeOnly: false });
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'start' && key !== 'end') visit(value);
  };
  visit(ast.program);
  return found;
}

const layerOf = (file: string): string => file.split(path.sep)[0] ?? '';
const files = Object.keys(LAYERS).flatMap(sourceFiles);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const resolve = (file: string, specifier: string) => path.normalize(path.join(path.dirname(file), specifier));

test('every import points down the layers: src ← adapters ← indexer, web ← bin', () => {
  const wrong: string[] = [];
  for (const [file, imports] of graph) {
    for (const { specifier } of imports.filter((i) => i.specifier.startsWith('.'))) {
      const target = resolve(file, specifier);
      if (!LAYERS[layerOf(file)]!.includes(layerOf(target))) wrong.push(`${file} imports ${target}`);
    }
  }
  assert.deepEqual(wrong, [], 'an import against the layers of docs/architecture.md');
});

test('the core (src/) uses no package that reaches the disk, the network or a service', () => {
  const wrong = [...graph]
    .filter(([file]) => layerOf(file) === 'src')
    .flatMap(([file, imports]) =>
      imports
        .filter((i) => !i.specifier.startsWith('.') && !i.typeOnly && !CORE_PACKAGES.has(i.specifier))
        .map((i) => `${file} imports ${i.specifier}`),
    );
  assert.deepEqual(wrong, []);
  const touchesProcess = files.filter(
    (file) => layerOf(file) === 'src' && /\bprocess\.(env|cwd|argv|exit)\b/.test(fs.readFileSync(path.join(repo, file), 'utf8')),
  );
  assert.deepEqual(touchesProcess, [], 'src/ reads no environment: the programs pass configuration in');
});

/** Every cycle in a graph of who imports whom, each written `a → b → a`. */
function cyclesOf(edges: Map<string, Set<string>>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const target of edges.get(node) ?? []) {
      if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** The import graph with each file replaced by `nodeOf(file)`; imports within one node are left out. */
function importEdges(nodeOf: (file: string) => string): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    for (const { specifier } of imports.filter((i) => i.specifier.startsWith('.'))) {
      const target = resolve(file, specifier);
      if (!graph.has(target) || nodeOf(file) === nodeOf(target)) continue;
      edges.set(nodeOf(file), (edges.get(nodeOf(file)) ?? new Set()).add(nodeOf(target)));
    }
  }
  return edges;
}

test('no import cycle anywhere', () => {
  assert.deepEqual(cyclesOf(importEdges((file) => file)), []);
});

test('no import cycle between folders either: each stage hands its data on one way', () => {
  // A stage folder (src/episode/, indexer/pipeline/) is one node. A layer's loose files (src/errors.ts, src/ports.ts,
  // web/html.ts) are shared by its folders and are nodes of their own, as they import no folder that imports them.
  const folderOf = (file: string) => (path.dirname(file).includes(path.sep) ? path.dirname(file) : file);
  assert.deepEqual(cyclesOf(importEdges(folderOf)), []);
});

test('the test of the layers can fail: it sees the imports it judges', () => {
  // An import graph read wrongly (say, a parser that found nothing) would pass the tests above vacuously.
  const app = graph.get(path.join('web', 'app.ts'));
  assert.ok(
    app?.some((i) => i.specifier.includes('adapters/')),
    'web/app.ts is read, with its imports of the adapters',
  );
  assert.ok(files.length > 100, `${files.length} source files read`);
});

test('source files stay short: none over 250 lines', () => {
  // The browser's scripts and stylesheets too (the styles are one cascade in several files: web/views/layout.ts).
  const statics = (ext: string) =>
    fs
      .readdirSync(path.join(repo, 'web', 'static'))
      .filter((name) => name.endsWith(ext))
      .map((name) => path.join('web', 'static', name));
  const [scripts, styles] = [statics('.js'), statics('.css')];
  assert.ok(scripts.length >= 3, scripts.join(', '));
  assert.ok(styles.length >= 3, styles.join(', '));
  const long = [...files, ...sourceFiles('bench'), ...scripts, ...styles]
    .map((file) => ({ file, lines: fs.readFileSync(path.join(repo, file), 'utf8').split('\n').length }))
    .filter(({ lines }) => lines > 250)
    .map(({ file, lines }) => `${file}: ${lines} lines`);
  assert.deepEqual(long, []);
});
