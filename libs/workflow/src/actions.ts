import type { AgreementRecord, DisputeContext, DisputeInput } from './context';
import type { OpenStatus, Outcome, Tier } from './domain';
import { TIERS } from './domain';
import type { WorkflowEvent, WorkflowEventOf } from './events';
import type { BusinessCalendar } from './calendar/types';
import {
  armTimers,
  disarmTimers,
  dropTimer,
  extendDeadline,
  pauseTimers,
  resumeTimers,
  type TimedState,
} from './timers';

/**
 * Pure context updates the machine's named actions apply. Each takes the context and the
 * event and returns the fields it changes, so they are testable without XState.
 */
type Update = Partial<DisputeContext>;

/** The server's clock for this step: every event carries `at`; the initial step carries `openedAt`. */
export function eventTime(event: WorkflowEvent | { type: string; input?: DisputeInput }): string {
  if ('at' in event && typeof event.at === 'string') return event.at;
  if ('input' in event && event.input) return event.input.openedAt;
  throw new Error(`event ${event.type} carries no time`);
}

/** The calendar the server handed this step (on the event, or on the opening input). */
function eventCalendar(
  event: WorkflowEvent | { type: string; input?: DisputeInput },
): BusinessCalendar | undefined {
  if ('calendar' in event && event.calendar) return event.calendar;
  if ('input' in event && event.input) return event.input.calendar;
  return undefined;
}

export const initialContext = (input: DisputeInput): DisputeContext => ({
  location: input.location,
  parties: input.parties,
  tier: input.tier,
  highestTier: input.tier,
  officerId: null,
  lawyerId: null,
  panel: [],
  agreement: null,
  overdue: false,
  suspendedFrom: null,
  outcome: null,
  closingReason: null,
  lastEscalation: null,
  refusal: null,
  timers: [],
  pausedTimers: [],
  timerSeq: 0,
  policy: input.policy,
});

const higher = (a: Tier, b: Tier): Tier => (TIERS.indexOf(a) >= TIERS.indexOf(b) ? a : b);

export const enterTier = (ctx: DisputeContext, tier: Tier): Update => ({
  tier,
  highestTier: higher(ctx.highestTier, tier),
});

/** Entering a timed state arms its timers and clears the overdue flag of the previous visit. */
export function enterTimedState(
  ctx: DisputeContext,
  event: WorkflowEvent,
  state: TimedState,
): Update {
  // A resumed state keeps the timers it had, re-armed with the time that was left.
  if (event.type === 'RESUME') return {};
  const book = armTimers(
    ctx,
    state,
    eventTime(event),
    ctx.policy,
    ctx.agreement?.performanceDueAt ?? null,
    eventCalendar(event),
  );
  return { ...book, overdue: false };
}

export function leaveTimedState(
  ctx: DisputeContext,
  event: WorkflowEvent,
  state: TimedState,
): Update {
  // Suspension pauses the clocks instead of cancelling them.
  if (event.type === 'SUSPEND') return {};
  return disarmTimers(ctx, state);
}

export const suspend = (ctx: DisputeContext, event: WorkflowEvent, from: OpenStatus): Update => ({
  ...pauseTimers(ctx, eventTime(event), eventCalendar(event)),
  suspendedFrom: from,
});

export const resume = (ctx: DisputeContext, event: WorkflowEvent): Update => ({
  ...resumeTimers(ctx, eventTime(event), eventCalendar(event)),
  suspendedFrom: null,
});

export const escalation = (
  ctx: DisputeContext,
  event: WorkflowEvent,
  to: Tier,
  automatic: boolean,
): Update => ({
  lastEscalation: {
    from: ctx.tier,
    to,
    reason:
      'reason' in event && typeof event.reason === 'string'
        ? event.reason
        : event.type === 'DEADLINE_EXPIRED'
          ? 'the deadline passed'
          : 'the agreement was not performed',
    at: eventTime(event),
    automatic,
  },
});

export function reachAgreement(
  ctx: DisputeContext,
  event: WorkflowEventOf<'REACH_AGREEMENT'>,
): Update {
  const at = eventTime(event);
  const agreement: AgreementRecord = {
    tier: ctx.tier,
    terms: event.terms,
    performanceDueAt: event.performanceDueAt ?? null,
    signedByPartyIds: event.signedByPartyIds,
    reachedAt: at,
    reachedBy: event.actor.id,
    confirmationWindowEndsAt: new Date(
      Date.parse(at) + ctx.policy.durations.CONFIRMATION_WINDOW,
    ).toISOString(),
    confirmation: null,
  };
  return { agreement };
}

export const withConfirmation = (
  ctx: DisputeContext,
  confirmation: AgreementRecord['confirmation'],
): Update => (ctx.agreement ? { agreement: { ...ctx.agreement, confirmation } } : {});

/** A timer fired: it is spent, and at red (or before acceptance) the case is flagged overdue. */
export const expire = (ctx: DisputeContext, timerId: string, markOverdue: boolean): Update => ({
  ...dropTimer(ctx, timerId),
  ...(markOverdue ? { overdue: true } : {}),
});

export function extend(
  ctx: DisputeContext,
  event: WorkflowEventOf<'EXTEND_DEADLINE'>,
  state: TimedState,
): Update {
  return {
    ...extendDeadline(ctx, state, event.until, eventTime(event), ctx.policy),
    overdue: false,
  };
}

/** Closing ends every clock, paused ones included. */
export function close(ctx: DisputeContext, event: WorkflowEvent, outcome: Outcome): Update {
  const reason =
    'reason' in event && typeof event.reason === 'string'
      ? event.reason
      : 'note' in event && typeof event.note === 'string'
        ? event.note
        : null;
  return {
    outcome,
    closingReason: reason,
    timers: [],
    pausedTimers: [],
    suspendedFrom: null,
    overdue: false,
    refusal:
      event.type === 'RECORD_REFUSAL'
        ? {
            partyId: event.partyId,
            note: event.note,
            routesExplained: ['arbitration', 'administrative', 'litigation'],
          }
        : ctx.refusal,
  };
}
