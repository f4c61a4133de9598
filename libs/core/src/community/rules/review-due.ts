// The one rule for "looked at by the next working day's end". Working days here are Monday to
// Friday and the day ends at 17:30 in Asia/Shanghai (UTC+8 all year, no daylight saving). The
// business-calendar issue (holidays, 调休) can replace this function without touching its callers.

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const END_OF_DAY_MINUTES = 17 * 60 + 30;
const DAY_MS = 86_400_000;

/** The instant by which a report filed at `filedAt` must have been looked at. */
export function reviewDueAt(filedAt: Date): Date {
  // The filing day as a Shanghai calendar date, held at UTC midnight for day arithmetic.
  const local = new Date(filedAt.getTime() + SHANGHAI_OFFSET_MS);
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  do {
    day += DAY_MS;
  } while (isWeekend(day));
  return new Date(day + END_OF_DAY_MINUTES * 60_000 - SHANGHAI_OFFSET_MS);
}

function isWeekend(utcMidnight: number): boolean {
  const weekday = new Date(utcMidnight).getUTCDay();
  return weekday === 0 || weekday === 6;
}
