import type { TimerEntry } from '../timers';
import { addWorkingMs } from './business-calendar';
import type { BusinessCalendar } from './types';

export interface RetimedTimer {
  timerId: string;
  kind: TimerEntry['kind'];
  from: string;
  to: string;
}

/**
 * Counts a case's working-time timers again on an edited calendar. Timers on ISO 8601
 * durations, and those whose count gives the same instant, do not move; the ids stay, so a
 * timer that was due keeps being the same visit's timer.
 */
export function retimeTimers(
  timers: readonly TimerEntry[],
  calendar: BusinessCalendar,
): { timers: TimerEntry[]; moved: RetimedTimer[] } {
  const moved: RetimedTimer[] = [];
  const next = timers.map((t): TimerEntry => {
    if (!t.working) return t;
    const answer = addWorkingMs(calendar, Date.parse(t.working.from), t.working.ms);
    const dueAt = new Date(answer.at).toISOString();
    const working = { from: t.working.from, ms: t.working.ms };
    if (answer.missingYears.length > 0)
      Object.assign(working, { fallbackYears: answer.missingYears });
    if (dueAt === t.dueAt) return { ...t, working };
    moved.push({ timerId: t.id, kind: t.kind, from: t.dueAt, to: dueAt });
    return { ...t, dueAt, working };
  });
  return { timers: next, moved };
}
