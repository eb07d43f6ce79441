import { escapeHtml } from './search-results.ts';

/** One episode on the research timeline. */
export type TimelinePoint = { slug: string; title: string; date: string | null; moments: number; inNotes: boolean };

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/**
 * How often a query comes up across episodes, by date: one bar per episode (its matching moments; a notes-only match
 * counts one), each a link to that episode's moments. Plain SVG made here, so the page needs no charting library and
 * works without JavaScript. Every text in it is escaped.
 */
export function timelineSvg(points: TimelinePoint[], href: (slug: string) => string, label: string): string {
  const dated = points.filter((p): p is TimelinePoint & { date: string } => p.date !== null).sort((a, b) => a.date.localeCompare(b.date));
  if (dated.length === 0) return '';
  const time = (date: string) => Date.parse(date);
  const first = time(dated[0]!.date);
  const last = time(dated.at(-1)!.date);
  const span = Math.max(last - first, 86_400_000 * 30);
  const max = Math.max(...dated.map(weight));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (date: string) => PAD.left + ((time(date) - first) / span) * plotW;
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const bar = Math.max(3, Math.min(14, plotW / dated.length / 1.5));
  const years = yearTicks(first, first + span);
  const parts = [
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}"/>`,
    ...years.flatMap((year) => {
      const at = PAD.left + ((Date.UTC(year, 0, 1) - first) / span) * plotW;
      if (at < PAD.left || at > WIDTH - PAD.right) return [];
      return [`<text class="tick" x="${at.toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle">${year}</text>`];
    }),
    `<text class="tick" x="${PAD.left - 6}" y="${PAD.top + 10}" text-anchor="end">${max}</text>`,
    `<text class="tick" x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text>`,
    ...dated.map((p) => {
      const value = weight(p);
      const top = y(value);
      const title = `${p.title} (${p.date}): ${p.moments} moment${p.moments === 1 ? '' : 's'}${p.inNotes ? ', and in the show notes' : ''}`;
      return `<a href="${escapeHtml(href(p.slug))}"><rect class="bar${p.moments ? '' : ' notes-only'}" x="${(x(p.date) - bar / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${bar.toFixed(1)}" height="${(PAD.top + plotH - top).toFixed(1)}"><title>${escapeHtml(title)}</title></rect></a>`;
    }),
    '</svg>',
  ];
  return parts.join('\n');
}

function weight(point: TimelinePoint): number {
  return point.moments || (point.inNotes ? 1 : 0);
}

function yearTicks(from: number, to: number): number[] {
  const first = new Date(from).getUTCFullYear() + 1;
  const last = new Date(to).getUTCFullYear();
  const years: number[] = [];
  const step = Math.max(1, Math.ceil((last - first + 1) / 10));
  for (let year = first; year <= last; year += step) years.push(year);
  return years.length ? years : [new Date(from).getUTCFullYear()];
}
