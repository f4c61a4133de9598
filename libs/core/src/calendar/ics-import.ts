import ICAL from 'ical.js';
import type { CalendarYear } from '@tricolor/workflow';
import { InvalidInputError } from '../domain-errors';

/** A summary naming a working day: 班 / 补班 / 上班 (the Chinese feeds), or an English equivalent. */
const WORKING = /班|make-?up|working day|workday/i;
const DAY_MS = 86_400_000;

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Reads the all-day events of an ICS file into calendar years: an event whose summary names a
 * working day (补班, 上班, "make-up working day") marks make-up days, every other all-day event
 * marks holidays; a multi-day event covers each day from DTSTART up to (not including) DTEND.
 * Timed events are ignored: the calendar is kept in whole days.
 */
export function yearsFromIcs(text: string, source: string): CalendarYear[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw new InvalidInputError('ics', `is not an iCalendar file: ${(error as Error).message}`);
  }
  const years = new Map<number, { holidays: Set<string>; makeUpDays: Set<string> }>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const start = event.startDate;
    if (!start?.isDate) continue;
    const end = event.endDate && event.endDate.isDate ? event.endDate : null;
    const first = Date.UTC(start.year, start.month - 1, start.day);
    const last = end ? Date.UTC(end.year, end.month - 1, end.day) - DAY_MS : first;
    const working = WORKING.test(event.summary ?? '');
    for (let day = first; day <= Math.max(first, last); day += DAY_MS) {
      const date = isoDay(day);
      const year = Number(date.slice(0, 4));
      const entry = years.get(year) ?? { holidays: new Set(), makeUpDays: new Set() };
      (working ? entry.makeUpDays : entry.holidays).add(date);
      years.set(year, entry);
    }
  }
  if (years.size === 0) throw new InvalidInputError('ics', 'has no all-day events');
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, e]) => ({
      year,
      holidays: [...e.holidays].filter((d) => !e.makeUpDays.has(d)).sort(),
      makeUpDays: [...e.makeUpDays].sort(),
      source,
    }));
}
