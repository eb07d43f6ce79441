import type { Line } from './line-builder.ts';
import { isPersonName, PARTICLE } from './people.ts';

// One account on a profile site ("twitter.com/stubailo?lang=en"), or a Mastodon-style `/@name`: a person's own page, not
// a project's or a conference's.
const PROFILE =
  /^https?:\/\/(?:www\.)?(?:(?:twitter|x|github|gitlab|keybase|instagram)\.com|linkedin\.com\/in|bsky\.app\/profile)\/@?[\w.%-]+\/?(?:\?[^#/\s]*)?$|^https?:\/\/[^/\s]+\/@[\w.-]+\/?$/i;
// "[Flatiron School](https://twitter.com/flatironschool)": an account, not a person's.
const ORGANISATION =
  /\b(?:School|University|College|Academy|Institute|Conf(?:erence)?|Labs?|Inc|LLC|Ltd|Team|Group|Foundation|Podcast|Show|Network|Studios?|Media|Software|Systems)\b/;
const NAME = new RegExp(String.raw`^\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+(?:\p{Lu}\.?|\p{Lu}[\p{Ll}\p{M}'’-]+|${PARTICLE})){1,3}$`, 'u');

/**
 * Guests the notes' first paragraph links to their own profiles, as Rustacean Station writes its interviews: "Allen
 * Wyma talks with [Nathan Stocks](https://twitter.com/nathanstocks), creator of [Rusty Engine](…)", "[Jake
 * Shadle](https://twitter.com/Ca1ne) on …; [Yoshua Wuyts](…) on …". A link counts when its text is a full name and it
 * leads to one account; "[Rusty Engine](https://github.com/CleanCut/rusty_engine)" leads into one. The weakest place a
 * guest is written: episode.ts uses these where every guest named elsewhere (the title included) is among them, and
 * never for a host.
 */
export function linkedGuests(first: Line | undefined): string[] {
  const names = (first?.links ?? []).filter(
    ({ label, url }) => NAME.test(label) && isPersonName(label) && !ORGANISATION.test(label) && PROFILE.test(url),
  );
  return [...new Set(names.map(({ label }) => label))];
}
