import type { CalendarYear } from '@tricolor/workflow';
import { InvalidInputError } from '../domain-errors';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRealDate = (d: string): boolean =>
  DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

const weekday = (d: string): number => new Date(`${d}T00:00:00Z`).getUTCDay();

/**
 * A year as an admin sends it, made sound: real dates of that year, no day both off and
 * worked, make-up days only on weekends (a weekday is a working day already), sorted, once.
 */
export function checkCalendarYear(input: CalendarYear): CalendarYear {
  const { year } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new InvalidInputError('year', 'must be a whole year from 2000 to 2100');
  }
  const days = (field: 'holidays' | 'makeUpDays'): string[] => {
    const list = input[field];
    for (const d of list) {
      if (!isRealDate(d))
        throw new InvalidInputError(field, `has "${d}", which is not a YYYY-MM-DD date`);
      if (!d.startsWith(`${year}-`))
        throw new InvalidInputError(field, `has ${d}, which is not in ${year}`);
    }
    return [...new Set(list)].sort();
  };
  const holidays = days('holidays');
  const makeUpDays = days('makeUpDays');
  for (const d of makeUpDays) {
    if (weekday(d) !== 0 && weekday(d) !== 6) {
      throw new InvalidInputError(
        'makeUpDays',
        `has ${d}, a weekday: only a Saturday or Sunday can be a make-up working day`,
      );
    }
    if (holidays.includes(d)) {
      throw new InvalidInputError('makeUpDays', `has ${d}, which is also in holidays`);
    }
  }
  return { year, holidays, makeUpDays, ...(input.source ? { source: input.source } : {}) };
}
