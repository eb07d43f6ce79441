import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEpisode } from '../../src/episode/episode.ts';
import { htmlToText } from '../../src/episode/html-text.ts';
import { EpisodeError } from '../../src/errors.ts';
import { catalogue, episode, regulars, transcript } from '../support/people-catalogue.ts';

// Issue 11 #4: a summary of 40,000 `[` took 2.2 s and a 4.9 MB file never finished. Not a timed test: each
// pathological body must parse in a small multiple of the time a normal body of the same size takes, which a cost
// that grows faster than the input cannot do at a megabyte.
const SIZE = 1_000_000;
const paragraph = 'Matt talks about [Rustler](https://rustler.example) and *dirty schedulers*, with `NIF` code &amp; <b>more</b>.\n\n';
const normal = paragraph.repeat(Math.ceil(SIZE / paragraph.length)).slice(0, SIZE);
const pathological: Record<string, string> = {
  'open brackets': '['.repeat(SIZE),
  'unclosed links': '[a]('.repeat(SIZE / 4),
  'unclosed emphasis': '*a _b '.repeat(SIZE / 6),
  'unclosed code spans': '`a ``b '.repeat(SIZE / 7),
  'nested quotes': '> '.repeat(SIZE / 2),
  'nested unclosed HTML': '<div><b><i>'.repeat(SIZE / 11),
  'inline tags': 'x <a href="https://a.example">'.repeat(SIZE / 31),
  'unclosed tags': '<a '.repeat(SIZE / 3),
  entities: '&#60;&nbsp;'.repeat(SIZE / 11),
  'unclosed template tags': '{% {{< '.repeat(SIZE / 7),
  'guests lines': 'Special Guests: A, '.repeat(SIZE / 19),
  // prose-people.ts: "Eddie Zaneski from Digital Ocean talks …", "In this episode of the … podcast A, B discuss …".
  'a name from one long word': `. Ann Lee from ${'A'.repeat(SIZE - 15)}`,
  'capitalised words after "in this episode of"': `In this episode of ${'Ab '.repeat(SIZE / 3)}`,
  'names joining us': 'CHUCK: Ann Lee Ann Lee will be joining us '.repeat(SIZE / 42),
  // picks.ts: one paragraph of picks, "(Ann)" after each, or "Ann:" before, commas between; "Picks" ending lines.
  'a paragraph of picks': `\n## Picks\n\n${'[A, b](https://a.example) (Ann) c, d, [](https://e.example)'.repeat(SIZE / 56)}`,
  'long paragraphs of picks': `\n## Picks\n\n${`${'[A](https://a.example) (Ann) b, c, d, '.repeat(90)}${'e, '.repeat(30_000)}\n\n`.repeat(10)}`,
  'glued givers': `\n## Picks\n\n${'Ann: x, [B](https://b.example)Bo: y, '.repeat(SIZE / 37)}`,
  'words ending in Picks': 'a Picks '.repeat(SIZE / 8),
  // Under a hundred links, so each mark is read; and more lines or picks than a call's arguments can hold.
  'givers glued without links': `\n## Picks\n\nAnn: ${'Ab Cd Ef: '.repeat(SIZE / 10)}`,
  'marks after a few links': `\n## Picks\n\n${'[A](https://a.example) '.repeat(90)}${' (Ann)'.repeat(SIZE / 6)}`,
  'many short picks': `\n## Picks\n\nAnn: ${'Go, '.repeat(SIZE / 4)}`,
  'a transcript of short lines': `\n### Transcript\n\n${'a\n'.repeat(SIZE / 2)}`,
  // name-runs.ts: one run of names, and jobs that run to the next "and"; account-host.ts: links into accounts.
  'a long run of names': `Panel: ${'Ab '.repeat(SIZE / 3)}`,
  'guests with jobs': `Guests: ${'Ann Lee; Director of Engineering at Co, and '.repeat(SIZE / 45)}`,
  'links into accounts': '[a](https://a.example/annlee/x) https://b.example/media/'.repeat(SIZE / 52),
  // An underline read as the picks' heading when it says "Picks": a long one is no heading.
  'a long underline': `Intro <u>Picks${'&nbsp;'.repeat(SIZE / 6)}x</u>`,
  'underlined givers': `<u>Picks</u> ${'<u>Ann</u> **A pick** [B](https://b.example) '.repeat(SIZE / 46)}`,
  // transcript-people.ts: thousands of speakers, each looked up by label ("AAB: x ABB: x …").
  'many speaker labels': `\n### Transcript\n\n${Array.from({ length: SIZE / 7 }, (_, i) => `${letters(i)}: x `).join('')}`,
  // The fourth and fifth rounds of real sites: wrapped Guests lines, "joined by", players, Otter and bold speakers.
  'a Guests item wrapped over many lines': `\n## Guests\n\n* Ann Lee, Director of\n${'  Engineering at Co\n'.repeat(SIZE / 20)}`,
  'joined by, again and again': 'Ann Lee and Bo Diaz are joined by '.repeat(SIZE / 34),
  'about me, again and again': 'find out more about me, Ann Lee Bo '.repeat(SIZE / 35),
  'players without an end': '<audio src="https://a.example/'.repeat(SIZE / 30),
  'speaker headings': `\n## Transcript\n\n${'### Ann Lee 0:03\nx\n\n'.repeat(SIZE / 21)}`,
  'bold speakers': '**Ann Lee** x\n\n'.repeat(SIZE / 15),
  // The sixth and seventh rounds: turns timed by a tool, bold labels after a Transcript heading, audio links.
  'timed turns': '[00:00:13] Ann Lee: x\n\n'.repeat(SIZE / 22),
  'bold labels in a transcript': `\n## Transcript\n\n${'**Ann Lee**: x\n\n'.repeat(SIZE / 16)}`,
  'links to audio without an end': '[Download](https://a.example/'.repeat(SIZE / 29),
  // The ninth round: labels in other languages that wrap, a Guests section's paragraph, Riverside's turns, handles.
  'a hosts line wrapping forever': `Ведущие этого выпуска: ${'Артём,\n'.repeat(SIZE / 7)}`,
  'hosts then guests, spaced out': `Hosts: Ann Lee,${' '.repeat(SIZE / 2)}and guests Bo Diaz`,
  'a Guests section of paragraphs': `\n## Гость\n\n${'В гостях Ann Lee из Co. Поговорили\n'.repeat(SIZE / 34)}`,
  'Riverside turns': '*Ann Lee (00:00)*\nx\n\n'.repeat(SIZE / 21),
  'handles that meet': 'NiaByte and ByteWren and '.repeat(SIZE / 25),
  'a hosts line of links wrapping forever': `Hosts: ${'[Ann](https://a.example),\n'.repeat(SIZE / 26)}`,
  'a Guests section of items after prose': `\n## Guests\n\nSome prose here.\n\n${'- a b\n'.repeat(SIZE / 6)}`,
  'a Guests item of links wrapped over many lines': `\n## Guests\n\n* Ann Lee, Director of\n${'  [Eng](https://a.example)\n'.repeat(SIZE / 28)}`,
};

/** Three capitals for a number, so 17,576 labels differ. */
function letters(i: number): string {
  return [i % 26, Math.floor(i / 26) % 26, Math.floor(i / 676) % 26].map((n) => String.fromCharCode(65 + n)).join('');
}

function timeOf(body: string): number {
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    parseEpisode('x.md', `---\ntitle: T\n---\n## Summary\n${body}`);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

test('show notes parse in time linear in their size, whatever they hold', { timeout: 600_000 }, () => {
  timeOf(normal.slice(0, 50_000));
  const baseline = timeOf(normal);
  for (const [name, body] of Object.entries(pathological)) {
    const spent = timeOf(body);
    assert.ok(spent < baseline * 12 + 200, `${name}: ${Math.round(spent)} ms, a normal body of the same size ${Math.round(baseline)} ms`);
  }
});

// Front matter parsers are compared with themselves: the time for an input must grow like its size (4 times the size,
// about 4 times the time), where a cost growing with the square would take 16 times as long.
test('pathological front matter fails fast or parses, in time linear in its size', { timeout: 300_000 }, () => {
  const timeFront = (text: string) => {
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      try {
        parseEpisode('x.mdx', text);
      } catch (error) {
        assert.ok(error instanceof EpisodeError, String(error));
      }
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const cases: Record<string, (size: number) => string> = {
    'deep YAML flow': (size) => `---\ntitle: T\nx: ${'['.repeat(size)}\n---\n`,
    'repeated YAML keys': (size) => `---\ntitle: T\n${'k: v\n'.repeat(size / 5)}---\n`,
    'YAML anchors and aliases': (size) => `---\ntitle: T\na: &a [x]\n${'b: [*a, *a, *a, *a]\n'.repeat(size / 20)}---\n`,
    'deep JSON': (size) => `{"title": "T", "x": ${'['.repeat(size)}\n`,
    'a JSON string of braces': (size) => `{"title": "${'{'.repeat(size)}"}\n`,
    'a huge TOML string': (size) => `+++\ntitle = "${'a'.repeat(size)}"\n+++\n`,
    'deep TOML arrays': (size) => `+++\ntitle = "T"\nx = ${'['.repeat(size)}\n+++\n`,
    // Read line by line when YAML refuses it (quoted-lines.ts); an opening `# heading` as the title; an MDX body (x.mdx).
    'a plain line of spaces': (size) => `---\ntitle: a: ${' '.repeat(size)}b\n---\nx\n`,
    'a heading of tabs': (size) => `---\ndate: 2023-01-01\n---\n# T${'\t'.repeat(size)}x\n`,
    'unclosed MDX comments': (size) => `---\ntitle: T\n---\n${'{/* a '.repeat(size / 6)}`,
    // A value starting `@`, quoted when YAML refuses it (quoted-lines.ts), followed by a long run of spaces.
    'a reserved @ before spaces': (size) => `---\ntitle: T\nk: @${' '.repeat(size)}x\n---\n`,
  };
  for (const [name, make] of Object.entries(cases)) {
    timeFront(make(SIZE / 16));
    const [small, large] = [timeFront(make(SIZE / 16)), timeFront(make(SIZE / 4))];
    assert.ok(large < small * 10 + 100, `${name}: ${Math.round(small)} ms at ${SIZE / 16} bytes, ${Math.round(large)} ms at ${SIZE / 4}`);
  }
});

// A feed's HTML (show notes, HTML transcripts) is read by src/episode/html-text.ts, held to the same rule. Its regular
// expressions once took 11 s for 160,000 `<`, growing with the square: minutes for one item at the 1 MB element cap.
test('HTML from feeds is read in time linear in its size, whatever it holds', { timeout: 300_000 }, () => {
  const size = 250_000;
  const item = '<p>Matt talks about <a href="https://rustler.example">Rustler</a> &amp; <b>dirty schedulers</b>.</p>\n';
  const timeHtml = (html: string) => {
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      htmlToText(html);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const baseline = timeHtml(item.repeat(Math.ceil(size / item.length)).slice(0, size));
  const bodies: Record<string, string> = {
    'open angle brackets': '<'.repeat(size),
    'unclosed scripts': '<script>'.repeat(size / 8),
    'unclosed comments': '<!--'.repeat(size / 4),
    'unclosed links': '<a href=x>'.repeat(size / 10),
  };
  for (const [name, body] of Object.entries(bodies)) {
    const spent = timeHtml(body);
    assert.ok(spent < baseline * 12 + 200, `${name}: ${Math.round(spent)} ms, normal HTML of the same size ${Math.round(baseline)} ms`);
  }
});

// The catalogue's step that settles speakers (speaker-names.ts) asked, for each label, whether any pick was given under
// it: labels times picks, 39 s for 8,000 of each in half a megabyte. Four times the labels and picks must take about four
// times as long, not sixteen.
test('a catalogue settles speakers in time linear in the labels and picks of an episode', { timeout: 300_000 }, async () => {
  const label = (i: number) => `Q${letters(i).toLowerCase()}`;
  const timeCatalogue = async (count: number) => {
    const picks = Array.from({ length: count }, (_, i) => `- [Pick ${i}](https://p.example/${i}) (Joe)`).join('\n');
    const turns = Array.from({ length: count }, (_, i) => `${label(i)}: yes. ${label(i)}: no. `).join('');
    const files = {
      ...regulars('jabber', 2016, '### Panel\n- Carl Max Wood\n- Joe Ames'),
      'jabber/big.md': episode('jabber', '2016-06-01', `## Picks\n\n${picks}\n${transcript(`Carl: Welcome. Joe: Hi. ${turns}`)}`),
    };
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      await catalogue(files);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  await timeCatalogue(200);
  const [small, large] = [await timeCatalogue(2_000), await timeCatalogue(8_000)];
  assert.ok(large < small * 10 + 300, `${Math.round(small)} ms for 2,000 labels and picks, ${Math.round(large)} ms for 8,000`);
});
