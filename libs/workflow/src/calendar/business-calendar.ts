import { CHINA_OFFICIAL_YEARS } from './china-official';
import type { BusinessCalendar, CalendarAnswer, CalendarYear, WorkingSpan } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** No deadline counts further than this; past it we stop rather than loop (about 27 years). */
const MAX_DAYS = 10_000;

/** 08:30–12:00 and 13:30–17:30, as Chinese government offices and mediation committees keep. */
export const DEFAULT_PERIODS = [
  { start: 8 * 60 + 30, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 17 * 60 + 30 },
];

export function calendarOf(
  years: readonly CalendarYear[],
  base: Partial<Omit<BusinessCalendar, 'years'>> = {},
): BusinessCalendar {
  return {
    utcOffsetMinutes: base.utcOffsetMinutes ?? 480,
    periods: base.periods ?? DEFAULT_PERIODS,
    years: Object.fromEntries(years.map((y) => [y.year, y])),
  };
}

/** China's official schedule for the years we ship, Asia/Shanghai, default office hours. */
export const CHINA_CALENDAR: BusinessCalendar = calendarOf(CHINA_OFFICIAL_YEARS);

/** Working time in one working day: 7.5 hours with the default periods. */
export const workingDayMs = (cal: BusinessCalendar): number =>
  cal.periods.reduce((sum, p) => sum + (p.end - p.start) * MINUTE, 0);

export const spanMs = (cal: BusinessCalendar, span: WorkingSpan): number =>
  Math.round(span.amount * (span.unit === 'WD' ? workingDayMs(cal) : HOUR));

/** Where working time cannot be counted, a working day counts as a calendar day. */
const fallbackMs = (cal: BusinessCalendar, workingMs: number): number =>
  Math.round((workingMs * DAY) / workingDayMs(cal));

const offsetMs = (cal: BusinessCalendar): number => cal.utcOffsetMinutes * MINUTE;

/** The local day number (days since 1970-01-01 local) of an instant. */
const dayOf = (cal: BusinessCalendar, instant: number): number =>
  Math.floor((instant + offsetMs(cal)) / DAY);

/** The instant local midnight of `day` begins. */
const dayStart = (cal: BusinessCalendar, day: number): number => day * DAY - offsetMs(cal);

export const dateOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** The local date (`YYYY-MM-DD`) of an instant. */
export const localDate = (cal: BusinessCalendar, instant: number): string =>
  dateOfDay(dayOf(cal, instant));

type DayKind = 'working' | 'off' | 'unknown';

export function dayKind(cal: BusinessCalendar, date: string): DayKind {
  const data = cal.years[Number(date.slice(0, 4))];
  if (!data) return 'unknown';
  if (data.makeUpDays.includes(date)) return 'working';
  if (data.holidays.includes(date)) return 'off';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'off' : 'working';
}

/** Whether `instant` is within (or at the end of) a working period of a working day. */
export function isWorkingInstant(cal: BusinessCalendar, instant: number): boolean {
  const day = dayOf(cal, instant);
  if (dayKind(cal, dateOfDay(day)) !== 'working') return false;
  const minute = (instant - dayStart(cal, day)) / MINUTE;
  return cal.periods.some((p) => minute >= p.start && minute <= p.end);
}

/**
 * The instant `workingMs` of working time after `from`. A deadline lands inside a working
 * period, at its end at the latest (a span that ends with the day ends at 17:30, not at the
 * next morning's 08:30). If the count reaches a year with no data, the whole span is counted
 * in calendar days instead and the year is reported.
 */
export function addWorkingMs(
  cal: BusinessCalendar,
  from: number,
  workingMs: number,
): CalendarAnswer {
  if (workingMs <= 0) return { at: from, missingYears: [] };
  let remaining = workingMs;
  let day = dayOf(cal, from);
  for (let n = 0; n < MAX_DAYS; n++, day++) {
    const date = dateOfDay(day);
    const kind = dayKind(cal, date);
    if (kind === 'unknown') {
      return { at: from + fallbackMs(cal, workingMs), missingYears: [Number(date.slice(0, 4))] };
    }
    if (kind === 'off') continue;
    const start = dayStart(cal, day);
    for (const p of cal.periods) {
      const periodEnd = start + p.end * MINUTE;
      if (from >= periodEnd) continue;
      const begin = Math.max(from, start + p.start * MINUTE);
      const available = periodEnd - begin;
      if (remaining <= available) return { at: begin + remaining, missingYears: [] };
      remaining -= available;
    }
  }
  return { at: from + fallbackMs(cal, workingMs), missingYears: [] };
}

export function addWorkingTime(
  cal: BusinessCalendar,
  from: number,
  span: WorkingSpan,
): CalendarAnswer {
  return addWorkingMs(cal, from, spanMs(cal, span));
}

/**
 * Working time between two instants (0 if `b` is not after `a`). Days in years with no data
 * count their calendar time scaled to working time (a calendar day is a working day), and are
 * reported.
 */
export function workingTimeBetween(
  cal: BusinessCalendar,
  a: number,
  b: number,
): { ms: number; missingYears: number[] } {
  if (b <= a) return { ms: 0, missingYears: [] };
  let ms = 0;
  const missing = new Set<number>();
  const last = dayOf(cal, b);
  for (let day = dayOf(cal, a); day <= last; day++) {
    const date = dateOfDay(day);
    const kind = dayKind(cal, date);
    const start = dayStart(cal, day);
    if (kind === 'unknown') {
      missing.add(Number(date.slice(0, 4)));
      const overlap = Math.min(b, start + DAY) - Math.max(a, start);
      ms += Math.round((overlap * workingDayMs(cal)) / DAY);
      continue;
    }
    if (kind === 'off') continue;
    for (const p of cal.periods) {
      const overlap = Math.min(b, start + p.end * MINUTE) - Math.max(a, start + p.start * MINUTE);
      if (overlap > 0) ms += overlap;
    }
  }
  return { ms, missingYears: [...missing] };
}

/** The years a calendar has data for, in order. */
export const coveredYears = (cal: BusinessCalendar): number[] =>
  Object.keys(cal.years)
    .map(Number)
    .sort((x, y) => x - y);
