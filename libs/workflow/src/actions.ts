import type {
  AgreementRecord,
  ConsentRecord,
  DisputeContext,
  DisputeInput,
  RoutesNotice,
} from './context';
import type {
  ConfirmationResult,
  ConsentForm,
  NoticeForm,
  OpenStatus,
  OtherRoute,
  Outcome,
  Tier,
} from './domain';
import { OTHER_ROUTES, SYSTEM_ACTOR_ID, TIERS } from './domain';
import type { WorkflowEvent, WorkflowEventOf } from './events';
import type { BusinessCalendar } from './calendar/types';
import { signaturesOf } from './representation';
import {
  armTimers,
  confirmationWindowEnd,
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

/**
 * Consent at intake (PML Art. 17): each party's as given, and for parties the opener did not
 * list, no objection — mediation the committee starts itself needs only that nobody refuses —
 * except that on a party's own application the applicants applied.
 */
function intakeConsents(input: DisputeInput): ConsentRecord[] {
  const by = input.openedBy ?? SYSTEM_ACTOR_ID;
  return input.parties.map((p) => {
    const given = input.consents?.find((c) => c.partyId === p.id)?.form;
    const form: ConsentForm =
      given ??
      (input.source === 'party_application' && p.role === 'applicant'
        ? 'application'
        : 'no_objection');
    return { partyId: p.id, form, tier: input.tier, recordedBy: by, at: input.openedAt };
  });
}

export const initialContext = (input: DisputeInput): DisputeContext => {
  const ctx = baseContext(input);
  return input.notAccepted ? { ...ctx, ...notAccepted(ctx, input) } : ctx;
};

const baseContext = (input: DisputeInput): DisputeContext => ({
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
  source: input.source ?? 'grid_worker',
  // A dispute screened out at intake was never mediated: nobody consented to anything.
  consents: input.notAccepted ? [] : intakeConsents(input),
  rightsNotices: input.notAccepted
    ? []
    : [
        {
          tier: input.tier,
          givenBy: input.openedBy ?? SYSTEM_ACTOR_ID,
          how: input.rightsNoticeHow ?? 'oral',
          at: input.openedAt,
        },
      ],
  routesNotice: null,
  otherRoute: null,
  screening: null,
  policeReportRequired: input.policeReportRequired ?? false,
  policeReports: [],
  personalStatus: input.personalStatus ?? false,
  priorAgreements: [],
  recusals: [],
  timers: [],
  pausedTimers: [],
  timerSeq: 0,
  policy: input.policy,
});

/** Intake screening did not accept the dispute (2002 rules Arts. 22, 24): it opens closed. */
export function notAccepted(_ctx: DisputeContext, input: DisputeInput): Update {
  const screening = input.notAccepted;
  if (!screening) return {};
  return {
    outcome: 'not_accepted',
    closingReason: screening.note ?? `not accepted: ${screening.ground}`,
    screening: { ground: screening.ground, referredTo: screening.referredTo, note: screening.note },
    routesNotice: {
      givenBy: input.openedBy ?? SYSTEM_ACTOR_ID,
      how: screening.noticeHow ?? 'oral',
      at: input.openedAt,
      routes: OTHER_ROUTES,
      referredTo: screening.referredTo,
    },
  };
}

/**
 * The receiving body takes the case (ACCEPT, CONVENE_PANEL) or the handler records consent
 * (RECORD_CONSENT): consent per party at this tier, and the rights notice (PML Arts. 17, 23;
 * 2002 rules Art. 30).
 */
export function receive(
  ctx: DisputeContext,
  event: WorkflowEvent,
  consenting: readonly string[],
  form: ConsentForm,
  othersForm: ConsentForm | null,
  rightsNoticeHow: NoticeForm,
): Update {
  const at = eventTime(event);
  const recorded: ConsentRecord[] = [];
  for (const p of ctx.parties) {
    const f = consenting.includes(p.id) ? form : othersForm;
    if (f !== null)
      recorded.push({ partyId: p.id, form: f, tier: ctx.tier, recordedBy: event.actor.id, at });
  }
  return {
    consents: [
      ...ctx.consents.filter(
        (c) => !(c.tier === ctx.tier && recorded.some((r) => r.partyId === c.partyId)),
      ),
      ...recorded,
    ],
    rightsNotices: [
      ...ctx.rightsNotices,
      { tier: ctx.tier, givenBy: event.actor.id, how: rightsNoticeHow, at },
    ],
  };
}

export const reportToPolice = (
  ctx: DisputeContext,
  event: WorkflowEventOf<'REPORT_TO_POLICE'>,
): Update => ({
  policeReports: [
    ...ctx.policeReports,
    {
      risk: event.risk,
      reason: event.reason,
      station: event.station ?? null,
      reportedBy: event.actor.id,
      at: eventTime(event),
      tier: ctx.tier,
    },
  ],
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
  // A resumed state keeps the timers it had, re-armed with the time that was left. A joint
  // application made from followUp re-enters `agreed` inside the window that is still running:
  // its timers are kept, and no new ones start (PML Art. 33).
  if (event.type === 'RESUME' || event.type === 'REQUEST_JUDICIAL_CONFIRMATION') return {};
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
  // PML Art. 33: the 30-day window for a joint application runs on its own. Going to followUp
  // (the visit fell due, or a party stopped performing) spends the follow-up timer, not the window.
  if (state === 'agreed' && TO_FOLLOW_UP.includes(event.type)) return keepWindow(ctx);
  return disarmTimers(ctx, state);
}

/** The events that take a case from `agreed` to `followUp`. */
const TO_FOLLOW_UP: readonly string[] = ['FOLLOW_UP_DUE', 'WITHDRAW', 'RECORD_REFUSAL'];

const isWindow = (t: { kind: string }): boolean =>
  t.kind === 'confirmation_window' || t.kind === 'confirmation_reminder';

/** Keeps only the Art. 33 window's timers of the agreement's visit. */
const keepWindow = (ctx: DisputeContext): Update => ({
  timers: ctx.timers.filter((t) => t.scope !== 'agreed' || isWindow(t)),
});

/**
 * Leaving followUp: the window's timers go with the case into a joint application or a
 * suspension (which leaves the window running); anywhere else — back to mediation — they end.
 */
export function leaveFollowUp(ctx: DisputeContext, event: WorkflowEvent): Update {
  if (event.type === 'SUSPEND' || event.type === 'REQUEST_JUDICIAL_CONFIRMATION') return {};
  return disarmTimers(ctx, 'agreed');
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
  const form = event.form ?? 'written';
  const agreement: AgreementRecord = {
    tier: ctx.tier,
    terms: event.terms,
    performanceDueAt: event.performanceDueAt ?? null,
    signedByPartyIds: event.signedByPartyIds,
    // Who signed for each party: the party, or their guardian or agent (representation.ts).
    signatures: form === 'written' ? signaturesOf(ctx.parties, event.signedByPartyIds ?? []) : [],
    reachedAt: at,
    reachedBy: event.actor.id,
    confirmationWindowEndsAt: confirmationWindowEnd(at, ctx.policy),
    confirmation: null,
    form,
    organisation: event.organisation ?? committeeOf(ctx),
    mediatorIds: event.mediatorIds ?? [event.actor.id],
    facts: event.facts ?? null,
    issues: event.issues ?? null,
    // The rules refuse a written agreement without the seal: recorded, it is in effect (Art. 29).
    sealedAt: form === 'written' ? at : null,
    effectiveAt: at,
    request: null,
    result: null,
    nonPerformance: [],
    urgedAt: [],
  };
  return { agreement };
}

/**
 * The people's mediation committee of the body that mediated (PML Arts. 7–8, 34): the
 * community's committee at blue, the sub-district's at yellow and red.
 */
export const committeeOf = (ctx: DisputeContext): string =>
  ctx.tier === 'blue'
    ? `people's mediation committee of community ${ctx.location.communityCode}`
    : `people's mediation committee of street ${ctx.location.streetCode}`;

/** PML Art. 33: the joint application, with the court it went to. */
export function requestConfirmation(
  ctx: DisputeContext,
  event: WorkflowEventOf<'REQUEST_JUDICIAL_CONFIRMATION'>,
): Update {
  if (!ctx.agreement) return {};
  return {
    agreement: {
      ...ctx.agreement,
      confirmation: 'pending',
      request: {
        court: event.court ?? null,
        applicantPartyIds: event.applicantPartyIds ?? ctx.parties.map((p) => p.id),
        at: eventTime(event),
        by: event.actor.id,
      },
    },
  };
}

/** The contract's boolean next to the court's four answers (CPL Art. 206; 法释〔2011〕5号). */
export const resultOf = (e: WorkflowEventOf<'RECORD_CONFIRMATION'>): ConfirmationResult =>
  e.result ?? (e.confirmed ? 'confirmed' : 'rejected');

const CONFIRMATION_OF: Record<ConfirmationResult, AgreementRecord['confirmation']> = {
  confirmed: 'confirmed',
  rejected: 'refused',
  not_accepted: 'refused',
  // A withdrawn application leaves nothing pending: the parties may apply again in time.
  withdrawn: null,
};

export function recordConfirmation(
  ctx: DisputeContext,
  event: WorkflowEventOf<'RECORD_CONFIRMATION'>,
): Update {
  if (!ctx.agreement) return {};
  const result = resultOf(event);
  return {
    agreement: {
      ...ctx.agreement,
      confirmation: CONFIRMATION_OF[result],
      result: {
        result,
        court: event.court ?? ctx.agreement.request?.court ?? null,
        rulingNumber: event.rulingNumber ?? null,
        note: event.note ?? null,
        at: eventTime(event),
      },
    },
  };
}

/** PML Art. 31: after effect, a withdrawal or refusal is non-performance by that party. */
export function nonPerformance(ctx: DisputeContext, event: WorkflowEvent): Update {
  if (!ctx.agreement) return {};
  const entry = {
    partyId: event.type === 'RECORD_REFUSAL' ? event.partyId : null,
    note:
      event.type === 'RECORD_REFUSAL'
        ? event.note
        : 'reason' in event && typeof event.reason === 'string'
          ? event.reason
          : event.type,
    at: eventTime(event),
    recordedBy: event.actor.id,
  };
  return {
    agreement: {
      ...ctx.agreement,
      nonPerformance: [...(ctx.agreement.nonPerformance ?? []), entry],
    },
  };
}

/** PML Art. 32: the mediator urges performance (督促履行); the agreement stays as it is. */
export const urge = (ctx: DisputeContext, event: WorkflowEvent): Update =>
  ctx.agreement
    ? {
        agreement: {
          ...ctx.agreement,
          urgedAt: [...(ctx.agreement.urgedAt ?? []), eventTime(event)],
        },
      }
    : {};

/**
 * A follow-up that found the agreement not fully performed sends the case back to mediation:
 * the agreement is kept on record (it bound the parties until a new one replaces it).
 */
export const supersede = (ctx: DisputeContext): Update =>
  ctx.agreement
    ? { agreement: null, priorAgreements: [...ctx.priorAgreements, ctx.agreement] }
    : {};

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
    ...extendDeadline(
      ctx,
      state,
      event.by !== undefined ? { by: event.by } : { until: event.until ?? '' },
      eventTime(event),
      ctx.policy,
      eventCalendar(event),
    ),
    overdue: false,
  };
}

/** The routes a closure tells the parties of, and the body it names (PML Arts. 26, 32). */
function routesFor(
  ctx: DisputeContext,
  event: WorkflowEvent,
  outcome: Outcome,
): { routes: readonly OtherRoute[]; referredTo: string | null } {
  if (event.type === 'TRANSFER') return { routes: OTHER_ROUTES, referredTo: event.agency };
  if (event.type === 'CHOOSE_OTHER_ROUTE') return { routes: [event.route], referredTo: null };
  if (outcome === 'referred_to_litigation') return { routes: ['litigation'], referredTo: null };
  // Art. 32: a party may sue over an agreement that was not performed; a confirmed one is
  // enforced by the court that confirmed it (Art. 33(2)).
  if (outcome === 'agreement_not_performed')
    return {
      routes: ['litigation'],
      referredTo:
        ctx.agreement?.confirmation === 'confirmed'
          ? `enforcement by ${ctx.agreement.result?.court ?? 'the confirming court'}`
          : null,
    };
  return { routes: OTHER_ROUTES, referredTo: null };
}

/** Closing ends every clock, paused ones included. */
export function close(ctx: DisputeContext, event: WorkflowEvent, outcome: Outcome): Update {
  const at = eventTime(event);
  // Nobody is told of other routes when nothing is left in dispute: performed, or settled.
  const routesNotice: RoutesNotice | null =
    outcome === 'resolved' || outcome === 'settled_by_parties'
      ? null
      : {
          givenBy: event.actor.id,
          how: ('noticeHow' in event && event.noticeHow) || 'oral',
          at,
          ...routesFor(ctx, event, outcome),
        };
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
    routesNotice,
    otherRoute: event.type === 'CHOOSE_OTHER_ROUTE' ? event.route : ctx.otherRoute,
    refusal:
      event.type === 'RECORD_REFUSAL'
        ? { partyId: event.partyId, note: event.note, routesExplained: OTHER_ROUTES }
        : ctx.refusal,
  };
}

/** PML Arts. 19, 23: the replacement takes the replaced mediator's seat on the case. */
export function replaceMediator(
  ctx: DisputeContext,
  event: WorkflowEventOf<'REPLACE_MEDIATOR'>,
): Update {
  const { replacedUserId: out, replacementUserId: into } = event;
  return {
    ...(ctx.officerId === out ? { officerId: into } : {}),
    ...(ctx.lawyerId === out ? { lawyerId: into } : {}),
    panel: ctx.panel.map((m) => (m.userId === out ? { ...m, userId: into } : m)),
    recusals: [
      ...ctx.recusals,
      {
        tier: ctx.tier,
        replacedUserId: out,
        replacementUserId: into,
        requestedByPartyId: event.requestedByPartyId ?? null,
        reason: event.reason,
        at: eventTime(event),
        recordedBy: event.actor.id,
      },
    ],
  };
}
