/**
 * Shared fixtures for the workflow specs: one street with one community and two grids, an
 * actor for every role (and a few from elsewhere), two parties, a clock, and helpers that
 * walk a case to each status through the public engine API (`openCase` / `step`).
 */
import type { Actor, CaseLocation, DisputeInput, PartyRef, UserRef } from '../context';
import type { Institution, Outcome, Status, Tier } from '../domain';
import type { DomainEvent, EventType, WorkflowEvent } from '../events';
import {
  openCase,
  step,
  type PersistedWorkflow,
  type StepAccepted,
  type StepRefused,
  type WorkflowView,
} from '../engine';
import { DEFAULT_POLICY, type TimerEntry, type WorkflowPolicy } from '../timers';

// ---------------------------------------------------------------------------------------------
// Clock

/** Monday 3 March 2025, 00:00 UTC: every fixture time is counted from here. */
export const T0 = '2025-03-03T00:00:00.000Z';
export const MINUTE_MS = 60_000;
export const HOUR = 60;
export const DAY = 24 * HOUR;
export const DAY_MS = 86_400_000;

/** The instant `minutes` after T0, as the server would stamp it. */
export const at = (minutes: number): string =>
  new Date(Date.parse(T0) + minutes * MINUTE_MS).toISOString();

/** `iso` shifted by `ms`. */
export const plus = (iso: string, ms: number): string =>
  new Date(Date.parse(iso) + ms).toISOString();

// ---------------------------------------------------------------------------------------------
// Jurisdiction and parties

export const STREET = 'S-LAOSHAN';
export const COMMUNITY = 'C-ZHONGHAN';
export const GRID = 'G-ZH-01';
export const NEIGHBOUR_GRID = 'G-ZH-02';
export const OTHER_COMMUNITY = 'C-XIANGGANG';
export const OTHER_STREET = 'S-SHINAN';

export const LOCATION: CaseLocation = {
  gridCode: GRID,
  communityCode: COMMUNITY,
  streetCode: STREET,
};

export const WANG: PartyRef = { id: 'party-wang', name: 'Wang Fang', role: 'applicant' };
export const LI: PartyRef = { id: 'party-li', name: 'Li Wei', role: 'respondent' };
export const PARTIES: PartyRef[] = [WANG, LI];
export const ALL_PARTY_IDS = PARTIES.map((p) => p.id);

// ---------------------------------------------------------------------------------------------
// Actors

const inStreet = { streetCode: STREET };
const inCommunity = { ...inStreet, communityCode: COMMUNITY };
const panel = (id: string, institution: Institution, streetCode = STREET): Actor => ({
  id,
  role: 'panel_member',
  institution,
  streetCode,
});

export const ACTORS = {
  gridWorker: { id: 'u-grid-zhang', role: 'grid_worker', gridCode: GRID, ...inCommunity },
  neighbourGridWorker: {
    id: 'u-grid-zhao',
    role: 'grid_worker',
    gridCode: NEIGHBOUR_GRID,
    ...inCommunity,
  },
  communityPolice: { id: 'u-police-sun', role: 'community_police', ...inCommunity },
  otherCommunityPolice: {
    id: 'u-police-qian',
    role: 'community_police',
    communityCode: OTHER_COMMUNITY,
    ...inStreet,
  },
  judicialOfficer: { id: 'u-officer-liu', role: 'judicial_officer', ...inStreet },
  secondJudicialOfficer: { id: 'u-officer-chen', role: 'judicial_officer', ...inStreet },
  foreignJudicialOfficer: {
    id: 'u-officer-zhou',
    role: 'judicial_officer',
    streetCode: OTHER_STREET,
  },
  lawyer: { id: 'u-lawyer-huang', role: 'lawyer', ...inStreet },
  otherLawyer: { id: 'u-lawyer-wu', role: 'lawyer', ...inStreet },
  policeMember: panel('u-panel-police', 'police_station'),
  judicialMember: panel('u-panel-judicial', 'judicial_office'),
  lawFirmMember: panel('u-panel-lawfirm', 'law_firm'),
  courtMember: panel('u-panel-court', 'court'),
  spareCourtMember: panel('u-panel-court-2', 'court'),
  sparePoliceMember: panel('u-panel-police-2', 'police_station'),
  foreignCourtMember: panel('u-panel-court-x', 'court', OTHER_STREET),
  supervisor: { id: 'u-supervisor-ma', role: 'supervisor', ...inStreet },
  foreignSupervisor: { id: 'u-supervisor-he', role: 'supervisor', streetCode: OTHER_STREET },
  admin: { id: 'u-admin', role: 'admin' },
  system: { id: 'system', role: 'system' },
} satisfies Record<string, Actor>;

export type ActorName = keyof typeof ACTORS;
export const ALL_ACTORS: Actor[] = Object.values(ACTORS);
export const HUMAN_ACTORS: Actor[] = ALL_ACTORS.filter((a) => a.role !== 'system');

/** The users events may name, as the server resolves them from the database. */
export const REFS: Record<string, UserRef> = Object.fromEntries(
  HUMAN_ACTORS.map((a) => [
    a.id,
    {
      id: a.id,
      role: a.role as UserRef['role'],
      institution: a.institution ?? null,
      streetCode: a.streetCode ?? null,
    },
  ]),
);

/** "Three offices and one court": one member of each institution, all of the case's street. */
export const FULL_PANEL = [
  { userId: ACTORS.policeMember.id, institution: 'police_station' },
  { userId: ACTORS.judicialMember.id, institution: 'judicial_office' },
  { userId: ACTORS.lawFirmMember.id, institution: 'law_firm' },
  { userId: ACTORS.courtMember.id, institution: 'court' },
] as const satisfies { userId: string; institution: Institution }[];

// ---------------------------------------------------------------------------------------------
// Events

type Payload<T extends EventType> = Omit<Extract<DomainEvent, { type: T }>, 'type'>;

/** An event as the server would hand it to the engine: payload, actor, time and resolved refs. */
export function event<T extends EventType>(
  type: T,
  payload: Payload<T>,
  actor: Actor,
  when: string,
): WorkflowEvent {
  return { type, ...payload, actor, at: when, refs: REFS } as unknown as WorkflowEvent;
}

/** The deadline currently armed in `state`, if any. */
export const deadlineOf = (state: PersistedWorkflow): TimerEntry | undefined =>
  state.context.timers.find((t) => t.kind === 'deadline');

export const timerOf = (state: PersistedWorkflow, kind: TimerEntry['kind']): TimerEntry => {
  const timer = state.context.timers.find((t) => t.kind === kind);
  if (!timer) throw new Error(`no ${kind} timer is armed (status ${JSON.stringify(state.value)})`);
  return timer;
};

/**
 * A payload that is valid for `type` in `state` at `when` — what a careful user would send.
 * Timer events name the timer currently armed for them.
 */
export function validPayload<T extends EventType>(
  type: T,
  state: PersistedWorkflow,
  when: string,
): Payload<T> {
  const payloads: { [K in EventType]: () => Payload<K> } = {
    ACCEPT: () => ({ officerId: ACTORS.judicialOfficer.id, lawyerId: ACTORS.lawyer.id }),
    CONVENE_PANEL: () => ({ members: FULL_PANEL.map((m) => ({ ...m })) }),
    REACH_AGREEMENT: () => ({
      terms: 'Li Wei repairs the leaking pipe and pays Wang Fang 800 yuan for the ceiling',
      performanceDueAt: null,
      signedByPartyIds: [...ALL_PARTY_IDS],
    }),
    ESCALATE: () => ({ reason: 'the parties dispute who owns the pipe' }),
    DOWNGRADE: () => ({ reason: 'only the repair schedule is still open' }),
    EMERGENCY_ESCALATE: () => ({ reason: 'Li Wei threatened Wang Fang with a knife' }),
    REFER_TO_LITIGATION: () => ({ reason: 'Li Wei insists on a court judgement' }),
    WITHDRAW: () => ({ reason: 'Wang Fang no longer wants mediation' }),
    TRANSFER: () => ({ agency: 'district housing bureau', reason: 'a building-safety matter' }),
    RECORD_REFUSAL: () => ({ partyId: LI.id, note: 'Li Wei declined mediation' }),
    EXTEND_DEADLINE: () => {
      const current = deadlineOf(state);
      const base = Math.max(Date.parse(when), current ? Date.parse(current.dueAt) : 0);
      return {
        until: new Date(base + 2 * DAY_MS).toISOString(),
        reason: 'Wang Fang is travelling for a week',
        consentingPartyIds: [...ALL_PARTY_IDS],
      };
    },
    SUSPEND: () => ({ reason: 'Li Wei is in hospital' }),
    RESUME: () => ({}),
    REQUEST_JUDICIAL_CONFIRMATION: () => ({}),
    RECORD_CONFIRMATION: () => ({ confirmed: true, note: 'confirmed by the Laoshan tribunal' }),
    RECORD_FOLLOW_UP: () => ({ performed: 'full', note: 'the pipe is fixed and the money paid' }),
    RECORD_CONSENT: () => ({
      partyIds: [...ALL_PARTY_IDS],
      form: 'consent',
      rightsNoticeHow: 'oral',
    }),
    CHOOSE_OTHER_ROUTE: () => ({
      route: 'arbitration',
      reason: 'the lease names an arbitration commission',
      noticeHow: 'written',
    }),
    REPLACE_MEDIATOR: () =>
      state.context.panel.length > 0
        ? {
            replacedUserId: ACTORS.policeMember.id,
            replacementUserId: ACTORS.sparePoliceMember.id,
            reason: 'Wang Fang says the lawyer once acted for Li Wei',
            requestedByPartyId: WANG.id,
          }
        : {
            replacedUserId: ACTORS.lawyer.id,
            replacementUserId: ACTORS.otherLawyer.id,
            reason: 'Wang Fang says the lawyer once acted for Li Wei',
            requestedByPartyId: WANG.id,
          },
    REPORT_TO_POLICE: () => ({
      risk: 'threats',
      reason: 'Li Wei said he would “settle it himself” tonight',
      station: 'Zhonghan police station',
    }),
    DEADLINE_EXPIRED: () => ({
      timerId: state.context.timers.find((t) => t.fires === 'DEADLINE_EXPIRED')?.id ?? 'none',
    }),
    FOLLOW_UP_DUE: () => ({
      timerId: state.context.timers.find((t) => t.fires === 'FOLLOW_UP_DUE')?.id ?? 'none',
    }),
  };
  return (payloads[type] as () => Payload<T>)();
}

/** The fixture actor who handles the case now (DESIGN.md §4), as the walkers set cases up. */
export function handlerOf(state: PersistedWorkflow): Actor {
  const tier: Tier = state.context.agreement?.tier ?? state.context.tier;
  if (tier === 'blue') return ACTORS.gridWorker;
  if (tier === 'yellow') return ACTORS.judicialOfficer;
  return ACTORS.courtMember;
}

// ---------------------------------------------------------------------------------------------
// A case under test

export class RefusedError extends Error {
  constructor(
    readonly type: EventType,
    readonly refusal: StepRefused,
  ) {
    super(`${type} was refused: ${refusal.reason}`);
  }
}

/**
 * A case and its clock. `send` steps it (throwing when refused, so walks fail loudly),
 * `attempt` steps without moving the case, `refusal` expects a refusal and returns its reason.
 * Each event is stamped `gap` minutes (default 10) after the previous one.
 */
export class Case {
  view: WorkflowView;
  last: StepAccepted | null = null;
  minute: number;
  readonly history: StepAccepted[] = [];

  constructor(
    tier: Tier = 'blue',
    options: {
      policy?: WorkflowPolicy;
      openedAtMinute?: number;
      parties?: PartyRef[];
      input?: Partial<DisputeInput>;
    } = {},
  ) {
    this.minute = options.openedAtMinute ?? 0;
    this.view = openCase({
      openedBy: ACTORS.gridWorker.id,
      ...options.input,
      location: LOCATION,
      parties: options.parties ?? PARTIES,
      tier,
      openedAt: at(this.minute),
      policy: options.policy ?? DEFAULT_POLICY,
    });
  }

  get state(): PersistedWorkflow {
    return this.view.state;
  }
  get status(): Status {
    return this.view.status;
  }
  get context() {
    return this.view.state.context;
  }
  get now(): string {
    return at(this.minute);
  }

  /** Moves the clock to `minute` (absolute, from T0) without sending anything. */
  clock(minute: number): this {
    if (minute < this.minute) throw new Error(`the clock cannot go back to ${minute}`);
    this.minute = minute;
    return this;
  }

  /** The event a careful user would send: a valid payload from the current handler. */
  build<T extends EventType>(
    type: T,
    overrides: Partial<Payload<T>> = {},
    actor?: Actor,
    when = this.now,
  ): WorkflowEvent {
    const who =
      actor ??
      (type === 'DEADLINE_EXPIRED' || type === 'FOLLOW_UP_DUE'
        ? ACTORS.system
        : handlerOf(this.state));
    return event(type, { ...validPayload(type, this.state, when), ...overrides }, who, when);
  }

  attempt<T extends EventType>(
    type: T,
    overrides: Partial<Payload<T>> = {},
    actor?: Actor,
    gap = 10,
  ): StepAccepted | StepRefused {
    return step(this.state, this.build(type, overrides, actor, at(this.minute + gap)));
  }

  send<T extends EventType>(
    type: T,
    overrides: Partial<Payload<T>> = {},
    actor?: Actor,
    gap = 10,
  ): StepAccepted {
    this.minute += gap;
    const result = step(this.state, this.build(type, overrides, actor, this.now));
    if (!result.ok) throw new RefusedError(type, result);
    this.view = result;
    this.last = result;
    this.history.push(result);
    return result;
  }

  /** Sends an event that must be refused; returns the reason. The case does not move. */
  refusal<T extends EventType>(
    type: T,
    overrides: Partial<Payload<T>> = {},
    actor?: Actor,
    gap = 10,
  ): string {
    const result = this.attempt(type, overrides, actor, gap);
    if (result.ok)
      throw new Error(`${type} was accepted (now ${result.status}) but should be refused`);
    return result.reason;
  }

  /** Fires the armed timer of `kind` at its due time (the clock jumps there). */
  fire(kind: 'deadline' | 'follow_up'): StepAccepted {
    const timer = timerOf(this.state, kind);
    const due = (Date.parse(timer.dueAt) - Date.parse(T0)) / MINUTE_MS;
    this.clock(Math.max(this.minute, due));
    const type = kind === 'deadline' ? 'DEADLINE_EXPIRED' : 'FOLLOW_UP_DUE';
    return this.send(type, { timerId: timer.id }, ACTORS.system, 0);
  }
}

/** A dispute already before a court: not accepted (2002 rules Art. 22). */
export const SCREENED_OUT = {
  ground: 'before_court',
  referredTo: 'Laoshan District People’s Court',
  note: 'Li Wei has already sued over the ceiling',
  noticeHow: 'written',
} as const satisfies DisputeInput['notAccepted'];

// ---------------------------------------------------------------------------------------------
// Walkers: a fresh case in each status

export interface WalkOptions {
  /** The tier whose handler reaches the agreement (agreed, judicialConfirmation, followUp). */
  tier?: Tier;
  /** The status a suspended case was suspended from. */
  from?: Exclude<Status, 'suspended' | 'closed'>;
  /** The outcome of a closed case. */
  outcome?: Outcome;
  policy?: WorkflowPolicy;
}

const mediatingAt: Record<Tier, Status> = {
  blue: 'blue.mediating',
  yellow: 'yellow.jointReview',
  red: 'red.panelMediation',
};

/** Opens a case and walks it, through the engine, to `status`. */
export function caseIn(status: Status, options: WalkOptions = {}): Case {
  const policy = options.policy ? { policy: options.policy } : {};
  switch (status) {
    case 'blue.mediating':
      return new Case('blue', policy);
    case 'yellow.awaitingAcceptance':
      return new Case('yellow', policy);
    case 'yellow.jointReview': {
      const c = new Case('yellow', policy);
      c.send('ACCEPT', {}, ACTORS.judicialOfficer);
      return c;
    }
    case 'red.convening':
      return new Case('red', policy);
    case 'red.panelMediation': {
      const c = new Case('red', policy);
      c.send('CONVENE_PANEL', {}, ACTORS.supervisor);
      return c;
    }
    case 'agreed': {
      const c = caseIn(mediatingAt[options.tier ?? 'blue'], options);
      c.send('REACH_AGREEMENT');
      return c;
    }
    case 'agreed.judicialConfirmation': {
      const c = caseIn('agreed', options);
      c.send('REQUEST_JUDICIAL_CONFIRMATION');
      return c;
    }
    case 'followUp': {
      const c = caseIn('agreed', options);
      c.fire('follow_up');
      return c;
    }
    case 'suspended': {
      const c = caseIn(options.from ?? 'blue.mediating', options);
      c.send('SUSPEND');
      return c;
    }
    case 'closed':
      return closedCase(options.outcome ?? 'withdrawn', options);
  }
}

/** A case closed with `outcome`, each by the route DESIGN.md §3 gives it. */
export function closedCase(outcome: Outcome, options: WalkOptions = {}): Case {
  switch (outcome) {
    case 'resolved': {
      const c = caseIn('agreed', options);
      c.send('RECORD_FOLLOW_UP', { performed: 'full' });
      return c;
    }
    case 'withdrawn': {
      const c = caseIn('blue.mediating', options);
      c.send('WITHDRAW');
      return c;
    }
    case 'refused': {
      const c = caseIn('blue.mediating', options);
      c.send('RECORD_REFUSAL');
      return c;
    }
    case 'transferred': {
      const c = caseIn('blue.mediating', options);
      c.send('TRANSFER');
      return c;
    }
    case 'referred_to_litigation': {
      const c = caseIn('red.panelMediation', options);
      c.send('REFER_TO_LITIGATION');
      return c;
    }
    case 'agreement_not_performed': {
      const c = caseIn('agreed', { ...options, tier: 'red' });
      c.send('RECORD_FOLLOW_UP', { performed: 'none' });
      return c;
    }
    case 'other_route': {
      const c = caseIn('blue.mediating', options);
      c.send('CHOOSE_OTHER_ROUTE');
      return c;
    }
    case 'settled_by_parties': {
      const c = caseIn('blue.mediating', options);
      c.send('WITHDRAW', { ground: 'settled_by_parties' });
      return c;
    }
    case 'not_accepted':
      return new Case('blue', {
        ...(options.policy ? { policy: options.policy } : {}),
        input: { notAccepted: SCREENED_OUT },
      });
  }
}
