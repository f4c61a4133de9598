import type { DisputeContext } from '../context';
import { workingTimeBetween } from './business-calendar';
import type { BusinessCalendar } from './types';

export type BreachRisk = 'at_risk' | 'overdue';

export interface DeadlineWatch {
  /** Null for a case flagged overdue whose deadline already fired (red, or awaiting acceptance). */
  timerId: string | null;
  dueAt: string | null;
  countedIn: 'working_time' | 'calendar_time';
  /** The deadline's whole window and what is left of it, in the time it is counted in. */
  windowMs: number;
  remainingMs: number;
  /** What is left as a share of the window (0 when past). */
  shareLeft: number;
  risk: BreachRisk | null;
}

/**
 * Supervision (督办) before a breach: how much of a case's deadline window is left. A deadline
 * in working time is measured in working time (a holiday is not "time left"); one on an ISO
 * 8601 duration in wall-clock time. A case already flagged overdue is overdue.
 */
export function watchDeadline(
  ctx: Pick<DisputeContext, 'timers' | 'policy' | 'overdue'>,
  calendar: BusinessCalendar,
  share: number,
  now: number,
): DeadlineWatch | null {
  const deadline = ctx.timers.find((t) => t.kind === 'deadline');
  if (!deadline) {
    return ctx.overdue
      ? {
          timerId: null,
          dueAt: null,
          countedIn: 'calendar_time',
          windowMs: 0,
          remainingMs: 0,
          shareLeft: 0,
          risk: 'overdue',
        }
      : null;
  }
  const due = Date.parse(deadline.dueAt);
  const working = deadline.working;
  const windowMs = working ? working.ms : ctx.policy.durations[deadline.setting];
  const remainingMs =
    now >= due ? 0 : working ? workingTimeBetween(calendar, now, due).ms : due - now;
  const shareLeft = windowMs > 0 ? Math.min(1, remainingMs / windowMs) : 0;
  const risk: BreachRisk | null =
    ctx.overdue || now >= due ? 'overdue' : shareLeft <= share ? 'at_risk' : null;
  return {
    timerId: deadline.id,
    dueAt: deadline.dueAt,
    countedIn: working ? 'working_time' : 'calendar_time',
    windowMs,
    remainingMs,
    shareLeft,
    risk,
  };
}
