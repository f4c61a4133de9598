/**
 * A business calendar as plain data, so the pure workflow can be handed one like a clock.
 * Days are local calendar dates (`YYYY-MM-DD`) in a zone with a fixed UTC offset: Asia/Shanghai
 * has had no daylight saving since 1991, so every local day there is exactly 24 hours long.
 */
export interface CalendarYear {
  year: number;
  /** Public holidays: days off even when they fall on a weekday. */
  holidays: string[];
  /** Make-up working days (调休): Saturdays or Sundays that are working days. */
  makeUpDays: string[];
  /** Where the data comes from (a State Council notice, an ICS import, an admin edit). */
  source?: string;
}

/** One working period of a day, in minutes after local midnight: [start, end). */
export interface WorkingPeriod {
  start: number;
  end: number;
}

export interface BusinessCalendar {
  /** Minutes east of UTC: 480 for Asia/Shanghai. */
  utcOffsetMinutes: number;
  /** The working periods of every working day, in order and not overlapping. */
  periods: WorkingPeriod[];
  /** Years with data, keyed by year. A year without data is counted in calendar days. */
  years: Record<number, CalendarYear>;
}

/** An amount of working time in the calendar's units. */
export interface WorkingSpan {
  unit: 'WD' | 'WH';
  amount: number;
}

/** A computed instant, with the years it could not count in working time. */
export interface CalendarAnswer {
  at: number;
  /** Years with no calendar data that the computation touched: it fell back to calendar days. */
  missingYears: number[];
}
