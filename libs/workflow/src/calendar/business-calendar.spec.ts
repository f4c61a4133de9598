/**
 * The business calendar: working days and hours in Asia/Shanghai, China's holidays and make-up
 * working days (调休), exact across year boundaries, and calendar days where a year has no data.
 */
import fc from 'fast-check';
import {
  addWorkingMs,
  addWorkingTime,
  CHINA_CALENDAR,
  calendarOf,
  coveredYears,
  dayKind,
  isWorkingInstant,
  localDate,
  workingDayMs,
  workingTimeBetween,
} from './business-calendar';
import { CHINA_OFFICIAL_YEARS } from './china-official';
import { parseWorkingSpan } from './working-span';

const cal = CHINA_CALENDAR;
/** An instant given in Beijing time. */
const bj = (local: string): number => Date.parse(`${local}+08:00`);
const iso = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;

/** Instants across the two years we have data for (leaving room for spans to stay inside). */
const instant2025to2026 = fc.integer({
  min: bj('2025-01-01T00:00:00'),
  max: bj('2026-10-31T00:00:00'),
});
const workingMs = fc.integer({ min: 1, max: 20 * 27_000_000 });

describe('working days', () => {
  it('counts weekdays and make-up weekends as working, holidays and weekends as off', () => {
    expect(dayKind(cal, '2026-12-01')).toBe('working'); // a Tuesday
    expect(dayKind(cal, '2026-12-05')).toBe('off'); // a Saturday
    expect(dayKind(cal, '2026-10-01')).toBe('off'); // National Day, a Thursday
    expect(dayKind(cal, '2026-10-10')).toBe('working'); // a make-up Saturday
    expect(dayKind(cal, '2026-02-14')).toBe('working'); // a make-up Saturday before Spring Festival
    expect(dayKind(cal, '2027-03-01')).toBe('unknown');
  });

  it('ships 2025 and 2026, with each make-up day on a weekend and no holiday on one', () => {
    expect(coveredYears(cal)).toEqual([2025, 2026]);
    for (const y of CHINA_OFFICIAL_YEARS) {
      for (const d of y.makeUpDays) expect([0, 6]).toContain(new Date(d).getUTCDay());
      for (const d of y.holidays) expect(y.makeUpDays).not.toContain(d);
    }
  });

  it('has 7.5 working hours a day', () => {
    expect(workingDayMs(cal)).toBe(7.5 * HOUR);
  });
});

describe('adding working time', () => {
  it('3 working days from a Tuesday afternoon is the Friday afternoon', () => {
    const due = addWorkingTime(cal, bj('2026-12-01T15:00:00'), { unit: 'WD', amount: 3 });
    expect(iso(due.at)).toBe(iso(bj('2026-12-04T15:00:00')));
    expect(due.missingYears).toEqual([]);
  });

  it('skips the lunch break and the night', () => {
    expect(iso(addWorkingTime(cal, bj('2026-12-01T11:00:00'), { unit: 'WH', amount: 2 }).at)).toBe(
      iso(bj('2026-12-01T14:30:00')),
    );
    expect(iso(addWorkingTime(cal, bj('2026-12-01T17:00:00'), { unit: 'WH', amount: 1 }).at)).toBe(
      iso(bj('2026-12-02T09:00:00')),
    );
  });

  it('counted from the evening, a day ends at 17:30, not the next morning', () => {
    expect(iso(addWorkingTime(cal, bj('2026-12-01T20:00:00'), { unit: 'WD', amount: 1 }).at)).toBe(
      iso(bj('2026-12-02T17:30:00')),
    );
  });

  it('National Day 2026: the last afternoon before it, 3 working days run to 10 October (make-up Saturday) and on', () => {
    // Wednesday 30 September 15:00; 1–7 October off; Saturday 10 October is a working day.
    const due = addWorkingTime(cal, bj('2026-09-30T15:00:00'), { unit: 'WD', amount: 3 });
    // 30 Sep 15:00 → 8 Oct 15:00 (1 WD) → 9 Oct 15:00 (2) → Sat 10 Oct 15:00 (3).
    expect(iso(due.at)).toBe(iso(bj('2026-10-10T15:00:00')));
  });

  it('National Day 2025: 1 working day from 30 September afternoon is 9 October', () => {
    // 1–8 October off (National Day and Mid-Autumn together).
    const due = addWorkingTime(cal, bj('2025-09-30T16:00:00'), { unit: 'WD', amount: 1 });
    expect(iso(due.at)).toBe(iso(bj('2025-10-09T16:00:00')));
  });

  it('Spring Festival 2026: make-up Saturday 14 February counts, 15–23 February does not', () => {
    const due = addWorkingTime(cal, bj('2026-02-13T15:00:00'), { unit: 'WD', amount: 2 });
    // Fri 13 Feb 15:00 → Sat 14 Feb 15:00 (make-up) → Tue 24 Feb 15:00.
    expect(iso(due.at)).toBe(iso(bj('2026-02-24T15:00:00')));
  });

  it('Spring Festival 2025: 28 January–4 February off, Sunday 26 January and Saturday 8 February work', () => {
    const due = addWorkingTime(cal, bj('2025-01-24T15:00:00'), { unit: 'WD', amount: 3 });
    // Fri 24 → Sun 26 (make-up) → Mon 27 → Wed 5 Feb.
    expect(iso(due.at)).toBe(iso(bj('2025-02-05T15:00:00')));
  });

  it('crosses the year boundary exactly (2025 → 2026, New Year 1–3 January off, Sunday 4 works)', () => {
    const due = addWorkingTime(cal, bj('2025-12-31T10:00:00'), { unit: 'WD', amount: 2 });
    // Wed 31 Dec 10:00 → Sun 4 Jan 10:00 (make-up) → Mon 5 Jan 10:00.
    expect(iso(due.at)).toBe(iso(bj('2026-01-05T10:00:00')));
  });

  it('falls back to calendar days in a year with no data, and says which year', () => {
    const due = addWorkingTime(cal, bj('2026-12-30T10:00:00'), { unit: 'WD', amount: 3 });
    expect(due.missingYears).toEqual([2027]);
    expect(iso(due.at)).toBe(iso(bj('2027-01-02T10:00:00')));
  });

  it('with no data at all, every span is in calendar days', () => {
    const empty = calendarOf([]);
    const due = addWorkingTime(empty, bj('2026-12-01T10:00:00'), { unit: 'WD', amount: 1 });
    expect(iso(due.at)).toBe(iso(bj('2026-12-02T10:00:00')));
    expect(due.missingYears).toEqual([2026]);
  });
});

describe('properties', () => {
  it('adding then measuring working time round-trips', () => {
    fc.assert(
      fc.property(instant2025to2026, workingMs, (from, ms) => {
        const due = addWorkingMs(cal, from, ms);
        fc.pre(due.missingYears.length === 0);
        expect(workingTimeBetween(cal, from, due.at).ms).toBe(ms);
      }),
    );
  });

  it('a deadline never lands on a non-working instant', () => {
    fc.assert(
      fc.property(instant2025to2026, workingMs, (from, ms) => {
        const due = addWorkingMs(cal, from, ms);
        fc.pre(due.missingYears.length === 0);
        expect(isWorkingInstant(cal, due.at)).toBe(true);
      }),
    );
  });

  it('make-up Saturdays count: a span across one is a working day shorter in calendar time', () => {
    const makeUps = CHINA_OFFICIAL_YEARS.flatMap((y) => y.makeUpDays);
    fc.assert(
      fc.property(
        fc.constantFrom(...makeUps),
        fc.integer({ min: 0, max: 3.5 * HOUR }), // the morning period
        (d, o) => {
          const from = bj(`${d}T08:30:00`) + o;
          expect(isWorkingInstant(cal, from)).toBe(true);
          expect(localDate(cal, from)).toBe(d);
          expect(workingTimeBetween(cal, bj(`${d}T00:00:00`), bj(`${d}T23:59:59`)).ms).toBe(
            workingDayMs(cal),
          );
        },
      ),
    );
  });

  it('working time is additive: a→b plus b→c is a→c', () => {
    fc.assert(
      fc.property(instant2025to2026, instant2025to2026, instant2025to2026, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(workingTimeBetween(cal, a, b).ms + workingTimeBetween(cal, b, c).ms).toBe(
          workingTimeBetween(cal, a, c).ms,
        );
      }),
    );
  });
});

describe('working spans in settings', () => {
  it('reads 3WD and 4WH, and refuses the rest', () => {
    expect(parseWorkingSpan('3WD')).toEqual({ unit: 'WD', amount: 3 });
    expect(parseWorkingSpan('4wh')).toEqual({ unit: 'WH', amount: 4 });
    expect(parseWorkingSpan('0WD')).toBeNull();
    expect(parseWorkingSpan('P3D')).toBeNull();
    expect(parseWorkingSpan('3 days')).toBeNull();
  });
});
