import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDate } from '../../src/episode/dates.ts';
import { readDuration } from '../../src/episode/durations.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
const pad = (n: number) => String(n).padStart(2, '0');

// A fixed pseudo-random walk over 1,500 days between 1995 and 2035: every written form of a day reads as that day.
test('every written form of a date reads as the publisher’s calendar date', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < 1500; i++) {
    const day = new Date(Date.UTC(1995, 0, 1) + (next() % (40 * 365)) * 86_400_000);
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const iso = `${y}-${pad(m)}-${pad(d)}`;
    const month = MONTHS[m - 1] ?? '';
    const hour = next() % 24;
    // An offset datetime is the publisher's own date, whatever it is in UTC.
    const offset = `${next() % 2 ? '-' : '+'}${pad(next() % 13)}:${next() % 2 ? '30' : '00'}`;
    const forms: unknown[] = [
      iso,
      `${iso}T${pad(hour)}:05:39${offset}`,
      `${iso} ${pad(hour)}:00:53`,
      `${iso}T${pad(hour)}:00:02.808Z`,
      `${y}/${pad(m)}/${pad(d)}`,
      `${month} ${ordinal(d)}, ${y}`,
      `${month}\n  ${d},\n  ${y}`,
      `${month.slice(0, 3)} ${d} ${y}`,
      `${WEEKDAYS[day.getUTCDay()]}, ${pad(d)} ${month.slice(0, 3)} ${y} ${pad(hour)}:30:00 ${offset.replace(':', '')}`,
      `${d} ${month} ${y}`,
      // Japanese and Korean sites (an Astro site writes `date: 2020年11月27日（金）`).
      `${y}年${m}月${d}日（${'日月火水木金土'[day.getUTCDay()]}）`,
      `${y}년 ${m}월 ${d}일`,
      day.getTime() + hour * 3_600_000,
      Math.floor(day.getTime() / 1000) + hour * 3600,
      String(day.getTime()),
      new Date(day.getTime() + hour * 3_600_000),
    ];
    for (const form of forms) assert.equal(readDate(form), iso, `${JSON.stringify(form)} → ${iso}`);
  }
});

test('what is not a date is undefined, not a wrong date', () => {
  for (const value of [
    'next tuesday',
    '2019-02-30',
    '2019-13-01',
    'July 32nd, 2019',
    '',
    '12',
    59,
    1e20,
    true,
    null,
    {},
    ['2019-07-09'],
    'Bonus',
  ]) {
    assert.equal(readDate(value), undefined, JSON.stringify(value));
  }
});

test('durations in every form sites write them', () => {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < 2000; i++) {
    const total = next() % (5 * 3600);
    const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
    const forms: unknown[] = [total, String(total), `${h}:${pad(m)}:${pad(s)}`, `PT${h}H${m}M${s}S`, `${h}h ${m}m ${s}s`];
    if (h === 0) forms.push(`${m}:${pad(s)}`, `${pad(m)}:${pad(s)}`);
    else forms.push(`${h * 60 + m}:${pad(s)}`);
    for (const form of forms) assert.equal(readDuration(form), total, `${JSON.stringify(form)} → ${total}`);
  }
  assert.equal(readDuration('39:31'), 2371);
  assert.equal(readDuration('1:02:03'), 3723);
  assert.equal(readDuration('9999'), 9999);
  assert.equal(readDuration('54:20.5'), 3260.5);
  for (const value of ['long', '1:60:00', '10:75', '', '-5', -5, '1:2:3:4', null, {}, 'abc:de'])
    assert.equal(readDuration(value), undefined, JSON.stringify(value));
});
