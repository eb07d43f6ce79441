import { escapeHtml } from './search-results.ts';

/** One episode on the research timeline. */
export type TimelinePoint = { slug: string; title: string; date: string | null; moments: number; inNotes: boolean };

/** How long each bar of the chart spans: chosen from the range of dates, so the chart has tens of bars, not hundreds. */
export type Period = 'month' | 'quarter' | 'year';

/** A bar: the episodes dated in one period, and what they add up to. */
export type Bucket = { label: string; start: number; episodes: number; moments: number; notesOnly: number };

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };
const DAY = 86_400_000;

/** Months up to two years, quarters up to eight, years beyond: at most about 30 bars. */
export function periodFor(first: number, last: number): Period {
  const years = (last - first) / (365.25 * DAY);
  return years <= 2 ? 'month' : years <= 8 ? 'quarter' : 'year';
}

/** A point's weight on the chart and in the table's order: its matching moments; a notes-only match counts one. */
export function weight(point: TimelinePoint): number {
  return point.moments || (point.inNotes ? 1 : 0);
}

/** The dated points, grouped into consecutive periods (empty periods included, so gaps show as gaps). */
export function buckets(points: TimelinePoint[]): { period: Period; buckets: Bucket[] } {
  const times = points.flatMap((p) => (p.date && Number.isFinite(Date.parse(p.date)) ? [Date.parse(p.date)] : []));
  if (times.length === 0) return { period: 'month', buckets: [] };
  const period = periodFor(Math.min(...times), Math.max(...times));
  const step = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const index = (time: number) => {
    const d = new Date(time);
    return Math.floor((d.getUTCFullYear() * 12 + d.getUTCMonth()) / step);
  };
  const from = index(Math.min(...times));
  const to = index(Math.max(...times));
  const out: Bucket[] = [];
  for (let i = from; i <= to; i++) {
    const year = Math.floor((i * step) / 12);
    const month = (i * step) % 12;
    const label =
      period === 'year' ? `${year}` : period === 'quarter' ? `${year} Q${month / 3 + 1}` : `${year}-${String(month + 1).padStart(2, '0')}`;
    out.push({ label, start: Date.UTC(year, month, 1), episodes: 0, moments: 0, notesOnly: 0 });
  }
  for (const point of points) {
    const time = point.date ? Date.parse(point.date) : NaN;
    const bucket = Number.isFinite(time) ? out[index(time) - from] : undefined;
    if (!bucket) continue;
    bucket.episodes++;
    bucket.moments += point.moments;
    if (!point.moments && point.inNotes) bucket.notesOnly++;
  }
  return { period, buckets: out };
}

/**
 * How often a query comes up across the catalogue, by month, quarter or year: one bar per period (its matching
 * moments; an episode that matches by its notes alone counts one). Plain SVG made here, so the page needs no charting
 * library and works without JavaScript. The bars are a picture, not controls: the table below the chart lists the same
 * episodes as links, which is the form a keyboard or a screen reader uses. Every text in it is escaped.
 */
export function timelineSvg(points: TimelinePoint[], label: string): string {
  const { period, buckets: bars } = buckets(points);
  if (bars.length === 0) return '';
  const max = Math.max(1, ...bars.map((b) => b.moments + b.notesOnly));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / bars.length;
  const width = Math.max(2, Math.min(28, slot * 0.7));
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  // A label under every bar would overlap: about ten of them, on period boundaries a reader counts by. On a phone the
  // chart is drawn at half size, so every other one is `minor` and hidden there while the rest are drawn larger.
  const every = Math.max(1, Math.ceil(bars.length / 10));
  const parts = [
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}"/>`,
    `<text class="tick value" x="${PAD.left - 6}" y="${PAD.top + 10}" text-anchor="end">${max}</text>`,
    `<text class="tick value" x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text>`,
    ...bars.flatMap((bar, i) => {
      const centre = PAD.left + slot * (i + 0.5);
      const tick =
        i % every === 0
          ? [
              `<text class="tick${(i / every) % 2 ? ' minor' : ''}" x="${centre.toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle">${escapeHtml(period === 'month' && bars.length > 12 ? bar.label.slice(0, 7) : bar.label)}</text>`,
            ]
          : [];
      if (bar.episodes === 0) return tick;
      const value = bar.moments + bar.notesOnly;
      const top = y(value);
      const title = `${bar.label}: ${bar.moments} moment${bar.moments === 1 ? '' : 's'} in ${bar.episodes} episode${bar.episodes === 1 ? '' : 's'}${bar.notesOnly ? ` (${bar.notesOnly} in the show notes only)` : ''}`;
      return [
        ...tick,
        `<rect class="bar${bar.moments ? '' : ' notes-only'}" x="${(centre - width / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${width.toFixed(1)}" height="${(PAD.top + plotH - top).toFixed(1)}"><title>${escapeHtml(title)}</title></rect>`,
      ];
    }),
    '</svg>',
  ];
  return parts.join('\n');
}
