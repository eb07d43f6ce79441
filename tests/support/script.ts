/** Deterministic filler speech: lines of plausible words, so long test episodes have something to say. */
const VOCABULARY = (
  'the a we it and of to in that is for on with as this but they was about what when so there can just like ' +
  'process message server memory queue system supervisor node cluster latency request library runtime function ' +
  'module compile deploy release monitor trace state actor pattern data stream binary pipeline cache socket'
).split(' ');

export function fillerLines(count: number, seed = 1): { text: string }[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => ({
    text: Array.from({ length: 6 + Math.floor(next() * 8) }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]).join(' '),
  }));
}
