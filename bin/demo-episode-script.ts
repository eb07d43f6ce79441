// The demo episode's words: who says what, how espeak-ng should say it, and the show notes (make-demo-episode.ts
// turns them into audio, a transcript and an episode file).
import { formatTime } from '../src/time.ts';

export const SLUG = 'podgrep-demo';
/** Fixed, so that running the script again changes nothing. */
const DATE = '2026-11-26';

export type Speaker = 'Ada' | 'Theo';

/** Two voices that are easy to tell apart: a higher American one and a lower British one. */
export const VOICES: Record<Speaker, string[]> = {
  Ada: ['-v', 'en-us+f3', '-p', '58', '-s', '160'],
  Theo: ['-v', 'en-gb-x-rp+m3', '-p', '38', '-s', '165'],
};

export const DIALOGUE: [Speaker, string][] = [
  [
    'Ada',
    "Welcome to the podgrep demo episode. I'm Ada, and with me is Theo. Neither of us is a person: we are two synthetic voices made by espeak-ng, reading a script.",
  ],
  [
    'Theo',
    'Which is the whole point. The script was written first, so the transcript beside the player is exact, and every line is timed to the second it is spoken. No transcription key needed.',
  ],
  [
    'Ada',
    'So, what is podgrep? You give it a folder of episodes, show notes in Markdown plus the audio, and it makes everything that was said searchable.',
  ],
  [
    'Theo',
    'Each transcript is cut into moments of twenty to forty seconds, and every word keeps its time. Search for a phrase, and the player opens a second before it is spoken.',
  ],
  [
    'Ada',
    "Let's give people something to search for. The other episode in this folder is about Discord using Rust to scale Elixir. Theo, what is a NIF?",
  ],
  [
    'Theo',
    'A NIF is a natively implemented function: code written in C or Rust that the BEAM, the Erlang virtual machine, calls as if it were an ordinary Erlang function.',
  ],
  ['Ada', 'And the catch is that a NIF runs on a scheduler thread. A slow one holds up every process waiting behind it.'],
  [
    'Theo',
    'Exactly. The rule of thumb is that a NIF should return within about a millisecond. Anything longer belongs on a dirty scheduler.',
  ],
  [
    'Ada',
    'Dirty schedulers are separate threads for long running work, one pool for CPU bound jobs and one for IO, so the normal schedulers keep serving everyone else.',
  ],
  [
    'Theo',
    'And Rust makes NIFs safer. Rustler catches a panic in your Rust code and turns it into an Erlang error, instead of taking down the whole node.',
  ],
  [
    'Ada',
    'Now the search side. podgrep keeps its moments in Meilisearch, a search engine that is itself written in Rust. It forgives typos, so a slightly misspelled search still finds them.',
  ],
  ['Theo', 'And if you have no Meilisearch running, podgrep starts its own copy and keeps the data in a local folder.'],
  [
    'Ada',
    "For real episodes, the transcripts come from Whisper, OpenAI's speech recognition model, or any server that speaks the same API and returns word timestamps.",
  ],
  [
    'Theo',
    'And when a podcast already publishes its transcripts, as WebVTT, SubRip or JSON, podgrep imports those instead. That is how this episode got its transcript.',
  ],
  [
    'Ada',
    'So try it now. Search for dirty schedulers, or Meilisearch, or Whisper, and click a moment. You will land right here, a second early.',
  ],
  ['Theo', "Thanks for listening to two robots talk about search. I'm Theo."],
  ['Ada', "And I'm Ada. Happy grepping."],
];

/** How espeak-ng should say what the transcript spells; the words stay the same. */
export const PRONOUNCE: [RegExp, string][] = [
  [/podgrep/gi, 'pod grep'],
  [/espeak-ng/g, 'e speak N G'],
  [/\bNIFs\b/g, 'nifs'],
  [/\bNIF\b/g, 'nif'],
  [/\bBEAM\b/g, 'beam'],
  [/Meilisearch/g, 'may lee search'],
  [/OpenAI's/g, "open A I's"],
  [/WebVTT/g, 'web V T T'],
  [/SubRip/g, 'sub rip'],
  [/JSON/g, 'jason'],
  [/\bIO\b/g, 'I O'],
];

export function showNotes(seconds: number): string {
  return `---
title: "podgrep demo: searching what was said"
podcast: ${SLUG}
date: ${DATE}
episode_number: 1
duration: '${formatTime(seconds)}'
audio_url: ${SLUG}.mp3
tags:
  - podgrep
  - demo
  - elixir
  - rust
  - search
---
### **Panel**

*   Ada
*   Theo

### **Summary**

A short demo that ships with podgrep, so there is something to search before you add your own episodes or a transcription key. Ada and Theo are not people: their voices are synthetic speech made with espeak-ng from a written script, and the transcript is exact because it was written first and each line was timed from the audio it became. They explain what podgrep does, then give you things to search for: what a NIF is and why it runs on the BEAM's schedulers, why long-running native code belongs on dirty schedulers, how Rust and Rustler make NIFs safer, how podgrep keeps its moments in Meilisearch, and how transcripts come from Whisper or from the WebVTT, SubRip and JSON files that podcasts already publish.

### **Links**

*   [espeak-ng, the speech synthesizer that voiced this episode](https://github.com/espeak-ng/espeak-ng)
*   [Erlang: NIFs](https://www.erlang.org/doc/system/nif.html)
*   [erl_nif and dirty NIFs](https://www.erlang.org/doc/apps/erts/erl_nif.html)
*   [Rustler](https://github.com/rusterlium/rustler)
*   [Using Rust to Scale Elixir for 11 Million Concurrent Users](https://discord.com/blog/using-rust-to-scale-elixir-for-11-million-concurrent-users)
*   [Meilisearch](https://www.meilisearch.com/)
*   [Whisper](https://github.com/openai/whisper)
*   [WebVTT](https://www.w3.org/TR/webvtt1/)
*   [Podcasting 2.0 transcripts](https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/transcript.md)

### **Picks**

**Ada:**

*   [The BEAM Book](https://github.com/happi/theBeamBook)

**Theo:**

*   [Meilisearch: typo tolerance](https://www.meilisearch.com/docs/learn/relevancy/typo_tolerance_settings)
`;
}
