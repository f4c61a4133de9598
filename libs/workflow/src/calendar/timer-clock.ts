import { addWorkingMs, DEFAULT_PERIODS, spanMs, workingTimeBetween } from './business-calendar';
import type { BusinessCalendar, WorkingSpan } from './types';

/** How a timer counted in working time was counted, kept on the timer so it can be re-timed. */
export interface WorkingClock {
  /** The instant the count started (entry, performance due, or a resume). */
  from: string;
  /** Working time counted from `from`, in milliseconds of working time. */
  ms: number;
  /** Years with no calendar data the count reached: it fell back to calendar days. */
  fallbackYears?: number[];
}

export interface Due {
  dueAt: number;
  working: WorkingClock | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * When a timer counted from `start` is due: `wallMs` later for an ISO 8601 setting, or
 * `workingMs` of working time later on the calendar. Without a calendar (a caller that has
 * none), working time falls back to calendar time like a year with no data.
 */
export function dueAfter(
  start: number,
  wallMs: number,
  workingMs: number | null,
  calendar: BusinessCalendar | undefined,
): Due {
  if (workingMs === null) return { dueAt: start + wallMs, working: null };
  if (!calendar) {
    return {
      dueAt: start + wallMs,
      working: { from: iso(start), ms: workingMs, fallbackYears: [] },
    };
  }
  const answer = addWorkingMs(calendar, start, workingMs);
  return {
    dueAt: answer.at,
    working: {
      from: iso(start),
      ms: workingMs,
      ...(answer.missingYears.length > 0 ? { fallbackYears: answer.missingYears } : {}),
    },
  };
}

/** The working time a policy's span is worth on this calendar (7.5 h a working day by default). */
export const workingMsOf = (
  span: WorkingSpan | undefined,
  calendar: BusinessCalendar | undefined,
): number | null => {
  if (!span) return null;
  // No calendar: the default day length, so a later re-timing counts the same span.
  return spanMs(calendar ?? { utcOffsetMinutes: 480, periods: DEFAULT_PERIODS, years: {} }, span);
};

/** Working time left until `dueAt`, for a timer paused at `now`. */
export const workingLeft = (calendar: BusinessCalendar, now: number, dueAt: number): number =>
  workingTimeBetween(calendar, now, dueAt).ms;
