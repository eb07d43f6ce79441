// Conformance: the WebVTT file-parsing and cue-text cases and the SubRip cases in tests/fixtures/webvtt-conformance/
// (see its README), run against podgrep's readers. Each case checks what search needs: cue count, times and text.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { cuePieces, cuePlainText } from '../../src/transcript/cue-text.ts';
import { readSubRip } from '../../src/transcript/subrip.ts';
import { parseWebVtt } from '../../src/transcript/webvtt.ts';

const dir = new URL('../fixtures/webvtt-conformance/', import.meta.url);
const read = (name: string) => fs.readFileSync(new URL(name, dir), 'utf8');

type Outcome = { name: string; ok: boolean; why?: string };

function check(name: string, run: () => void): Outcome {
  try {
    run();
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, why: error instanceof Error ? error.message.split('\n').slice(0, 6).join(' ') : String(error) };
  }
}

/** The escapes web-platform-tests' .test files use, and "\" at a line's end joining it to the next. */
function unescapeCue(lines: string[]): string {
  let text = '';
  for (const [i, line] of lines.entries()) {
    const joined = line.endsWith('\\') && !line.endsWith('\\\\');
    text += (joined ? line.slice(0, -1) : line) + (joined || i === lines.length - 1 ? '' : '\n');
  }
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[rtfv0])/g, (_, code: string) => {
    if (code[0] === 'x' || code[0] === 'u') return String.fromCharCode(parseInt(code.slice(1), 16));
    return { r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' }[code] as string;
  });
}

function fileParsingCases(): Outcome[] {
  const chunks = read('file-parsing.test')
    .split(/^#test /m)
    .slice(1);
  return chunks.map((chunk) => {
    const [head = '', ...body] = chunk.split(/^===\n/m);
    const lines = head.split('\n');
    const name = lines[0] ?? '';
    return check(name, () => {
      const file = parseWebVtt(unescapeCue(body.join('===\n').replace(/\n$/, '').split('\n')));
      if (lines.includes('#reject')) return assert.equal(file, undefined, 'the file should be refused');
      assert.ok(file, 'the file was refused');
      const count = Number(/^#cues (\d+)/m.exec(head)?.[1]);
      assert.equal(file.cues.length, count, 'cue count');
      const ids = /^#ids (.*)$/m.exec(head)?.[1];
      if (ids)
        assert.deepEqual(
          file.cues.map((cue) => cue.id),
          JSON.parse(ids),
          'ids',
        );
      const expected = lines.flatMap((line) => {
        const cue = /^([\d.]+) ([\d.]+) (".*")$/.exec(line);
        return cue ? [[Number(cue[1]), Number(cue[2]), JSON.parse(cue[3] as string) as string]] : [];
      });
      assert.deepEqual(
        file.cues.map((cue) => [cue.start, cue.end, cue.text]),
        expected,
        'times and text',
      );
    });
  });
}

function cueTextCases(): Outcome[] {
  const blocks = read('cue-text.dat')
    .split(/^#group /m)
    .slice(1);
  return blocks.map((block, i) => {
    const field = (name: string) => {
      const value = new RegExp(`^#${name}\\n(.*)$`, 'm').exec(block)?.[1];
      return value === undefined ? undefined : JSON.parse(value);
    };
    const data = field('data') as string;
    return check(`${block.split('\n')[0]} ${i + 1}: ${JSON.stringify(data)}`, () => {
      assert.equal(cuePlainText(data), field('text'));
      const voices = field('voices') as [string | null, string][] | undefined;
      if (voices)
        assert.deepEqual(
          cuePieces(data).map((piece) => [piece.speaker ?? null, piece.text]),
          voices,
        );
    });
  });
}

function subRipCases(): Outcome[] {
  const cases = JSON.parse(read('subrip.json')) as { name: string; srt: string; cues: [number, number, string][] }[];
  return cases.map(({ name, srt, cues }) =>
    check(name, () => {
      const reading = readSubRip(srt);
      assert.deepEqual(
        reading.cues.map((cue) => [cue.start, cue.end, cue.pieces.map((piece) => piece.text).join('')]),
        cues,
      );
    }),
  );
}

const suites: [string, () => Outcome[], number][] = [
  // Each at least as high as its share of the issue's targets (36/37 file parsing, 74/77 cue text).
  ['WebVTT file parsing', fileParsingCases, 0.97],
  ['WebVTT cue text', cueTextCases, 0.96],
  ['SubRip', subRipCases, 0.95],
];

for (const [name, cases, target] of suites) {
  test(`conformance: ${name}`, () => {
    const outcomes = cases();
    const passed = outcomes.filter((outcome) => outcome.ok).length;
    const failed = outcomes.filter((outcome) => !outcome.ok).map((outcome) => `  ✗ ${outcome.name}: ${outcome.why}`);
    console.log(`${name}: ${passed} / ${outcomes.length} pass${failed.length ? `\n${failed.join('\n')}` : ''}`);
    assert.ok(outcomes.length > 0);
    assert.ok(
      passed / outcomes.length >= target,
      `${passed} / ${outcomes.length} is under the target of ${Math.round(target * 100)} %:\n${failed.join('\n')}`,
    );
  });
}
