/** How a transcript's speaker labels (`CHUCK:`, `Dave:`) are matched to the first names the roll call says. */

// The short forms speakers are labelled by: "we have David Brady. DAVE: Hello." CHUCK is not among them: the host, who
// names himself, is matched by what he says (speaker-names.ts), not by guessing.
const SHORT_FORMS: Record<string, string[]> = {
  DAVE: ['DAVID'],
  MIKE: ['MICHAEL'],
  JOE: ['JOSEPH'],
  JOSH: ['JOSHUA'],
  JIM: ['JAMES'],
  MATT: ['MATTHEW'],
  CHRIS: ['CHRISTOPHER'],
  TOM: ['THOMAS'],
  ROB: ['ROBERT'],
  BOB: ['ROBERT'],
  BEN: ['BENJAMIN'],
  DAN: ['DANIEL'],
  SAM: ['SAMUEL'],
  NICK: ['NICHOLAS'],
  STEVE: ['STEVEN', 'STEPHEN'],
  ANDY: ['ANDREW'],
  ALEX: ['ALEXANDER'],
  PETE: ['PETER'],
  JEFF: ['JEFFREY'],
  GREG: ['GREGORY'],
  NATE: ['NATHAN'],
  JON: ['JONATHAN'],
};

/** A first name and the speaker label that answers to it: the same name, or its short form (DAVE for David). */
export function answersTo(first: string, label: string): boolean {
  return same(first, label) || (SHORT_FORMS[label.toUpperCase()] ?? []).includes(first.toUpperCase());
}

/** Labels compared as speakers write them: `CHUCK:` and `Chuck:` are one speaker. */
export function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toUpperCase() === b.toUpperCase();
}
