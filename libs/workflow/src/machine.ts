import { assertEvent, assign, setup } from 'xstate';
import * as act from './actions';
import type { DisputeContext, DisputeInput } from './context';
import type {
  NonPerformancePath,
  OpenStatus,
  Outcome,
  Performance,
  Tier,
  WithdrawalGround,
} from './domain';
import type { WorkflowEvent } from './events';
import { ruleRefusal } from './rules';
import { STATE_TIMERS, type TimedState } from './timers';

export const MACHINE_ID = 'dispute';
/** Bump when the statechart changes in a way persisted snapshots must be migrated for. */
export const MACHINE_VERSION = 3;

const TIERS_UP: Record<Tier, Tier | null> = { blue: 'yellow', yellow: 'red', red: null };

const allowed = ({ context, event }: { context: DisputeContext; event: WorkflowEvent }) =>
  ruleRefusal(context, event) === null;

/** Transitions every open state offers: the case can always be withdrawn, transferred or refused. */
const closeOn = {
  WITHDRAW: [
    // The parties settled by themselves (自行和解): counted apart from a party ending mediation.
    {
      target: '#dispute.closed',
      guard: { type: 'withdrawalOn', params: { ground: 'settled_by_parties' } },
      actions: { type: 'close', params: { outcome: 'settled_by_parties' } },
    },
    {
      target: '#dispute.closed',
      guard: 'mayWithdraw',
      actions: { type: 'close', params: { outcome: 'withdrawn' } },
    },
  ],
  TRANSFER: {
    target: '#dispute.closed',
    guard: 'mayTransfer',
    actions: { type: 'close', params: { outcome: 'transferred' } },
  },
  RECORD_REFUSAL: {
    target: '#dispute.closed',
    guard: 'mayRecordRefusal',
    actions: { type: 'close', params: { outcome: 'refused' } },
  },
} as const;

/** Every open state may report to the police: the case stays where it is (PML Art. 25). */
const reportOn = {
  REPORT_TO_POLICE: { guard: 'mayReportToPolice', actions: 'recordPoliceReport' },
} as const;

/** Before an agreement the parties may leave for another route, at any tier (PML Art. 3(3)). */
const mediationOn = {
  ...closeOn,
  ...reportOn,
  CHOOSE_OTHER_ROUTE: {
    target: '#dispute.closed',
    guard: 'mayChooseOtherRoute',
    actions: { type: 'close', params: { outcome: 'other_route' } },
  },
} as const;

/** The handler records a party's consent and the rights notice (PML Art. 17; 2002 rules Art. 30). */
/** PML Arts. 19, 23: a mediator replaced or recused while the body mediates. */
const replaceIn = {
  REPLACE_MEDIATOR: { guard: 'mayReplaceMediator', actions: 'recordReplacement' },
} as const;

const consentIn = {
  RECORD_CONSENT: { guard: 'mayRecordConsent', actions: 'recordConsent' },
} as const;

const suspendFrom = (from: OpenStatus) =>
  ({
    target: '#dispute.suspended',
    guard: 'maySuspend',
    actions: { type: 'suspend', params: { from } },
  }) as const;

const extendIn = (state: TimedState) =>
  ({ guard: 'mayExtendDeadline', actions: { type: 'extendDeadline', params: { state } } }) as const;

const timed = (state: TimedState) =>
  ({
    meta: { timers: STATE_TIMERS[state] },
    entry: { type: 'armTimers', params: { state } },
    exit: { type: 'disarmTimers', params: { state } },
  }) as const;

const followUp = (
  performed: Performance,
  tier: Tier | null,
  target: string | null,
  outcome?: Outcome,
  next: NonPerformancePath | null = null,
) =>
  ({
    ...(target === null ? {} : { target }),
    guard: { type: 'followUpWas', params: { performed, tier, next } },
    actions: [
      { type: 'recordFollowUp', params: { performed } },
      ...(next === 'urge' ? [{ type: 'urgePerformance' } as const] : []),
      ...(outcome ? [{ type: 'close', params: { outcome } } as const] : []),
      // Back to mediation: the agreement is kept on record, superseded (PML Art. 31).
      ...(outcome === undefined && next === null ? [{ type: 'supersedeAgreement' } as const] : []),
      ...(performed === 'none' && outcome === undefined && next === null
        ? [{ type: 'recordEscalation', params: { automatic: false } } as const]
        : []),
    ],
  }) as const;

/**
 * RECORD_FOLLOW_UP, from `agreed` or `followUp` (DESIGN.md §3). PML Art. 32: a failed follow-up
 * does not erase the agreement — the handler urges performance (`next: 'urge'`, the case stays),
 * tells the parties they may sue (`next: 'sue'`, or enforce a confirmed agreement), or, as the
 * contract's table has it, mediates again (partial: same tier; none: the next body, which records
 * the parties' consent when it accepts).
 */
const followUpOutcomes = [
  followUp('full', null, '#dispute.closed', 'resolved'),
  followUp('partial', null, '#dispute.closed', 'agreement_not_performed', 'sue'),
  followUp('none', null, '#dispute.closed', 'agreement_not_performed', 'sue'),
  followUp('partial', null, null, undefined, 'urge'),
  followUp('none', null, null, undefined, 'urge'),
  followUp('partial', 'blue', '#dispute.blue.mediating'),
  followUp('partial', 'yellow', '#dispute.yellow.jointReview'),
  followUp('partial', 'red', '#dispute.red.panelMediation'),
  followUp('none', 'blue', '#dispute.yellow.awaitingAcceptance'),
  followUp('none', 'yellow', '#dispute.red.convening'),
  followUp('none', 'red', '#dispute.closed', 'agreement_not_performed'),
];

/**
 * PML Art. 31: once the agreement is in effect it binds. A party's "withdrawal" or "refusal" is
 * then non-performance: recorded on the agreement, and the case goes to follow-up.
 */
const bindingOn = {
  WITHDRAW: { target: '#dispute.followUp', guard: 'mayWithdraw', actions: 'recordNonPerformance' },
  RECORD_REFUSAL: {
    target: '#dispute.followUp',
    guard: 'mayRecordRefusal',
    actions: 'recordNonPerformance',
  },
  TRANSFER: closeOn.TRANSFER,
  ...reportOn,
} as const;

const resumeTo = (status: OpenStatus, target: string) =>
  ({ target, guard: { type: 'mayResumeTo', params: { status } } }) as const;

export const disputeMachine = setup({
  types: {
    context: {} as DisputeContext,
    events: {} as WorkflowEvent,
    input: {} as DisputeInput,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion is what types state meta
    meta: {} as { timers?: (typeof STATE_TIMERS)[TimedState] },
  },
  guards: {
    startsAt: ({ context }, params: { tier: Tier }) => context.tier === params.tier,
    screenedOut: ({ context }) => context.outcome === 'not_accepted',
    mayRecordConsent: allowed,
    mayChooseOtherRoute: allowed,
    mayReportToPolice: allowed,
    mayReplaceMediator: allowed,
    mayAccept: allowed,
    mayConvenePanel: allowed,
    mayReachAgreement: allowed,
    mayEscalate: allowed,
    mayDowngrade: allowed,
    mayEmergencyEscalate: allowed,
    mayReferToLitigation: allowed,
    mayWithdraw: allowed,
    withdrawalOn: (args, params: { ground: WithdrawalGround }) =>
      args.event.type === 'WITHDRAW' && args.event.ground === params.ground && allowed(args),
    mayTransfer: allowed,
    mayRecordRefusal: allowed,
    mayExtendDeadline: allowed,
    maySuspend: allowed,
    mayResumeTo: (args, params: { status: OpenStatus }) =>
      args.context.suspendedFrom === params.status && allowed(args),
    mayRequestConfirmation: allowed,
    mayRecordConfirmation: allowed,
    followUpWas: (
      args,
      params: { performed: Performance; tier: Tier | null; next: NonPerformancePath | null },
    ) =>
      args.event.type === 'RECORD_FOLLOW_UP' &&
      args.event.performed === params.performed &&
      (args.event.next ?? null) === params.next &&
      (params.tier === null || args.context.tier === params.tier) &&
      allowed(args),
    timerArmed: allowed,
  },
  actions: {
    enterTier: assign(({ context }, params: { tier: Tier }) => act.enterTier(context, params.tier)),
    armTimers: assign(({ context, event }, params: { state: TimedState }) =>
      act.enterTimedState(context, event, params.state),
    ),
    disarmTimers: assign(({ context, event }, params: { state: TimedState }) =>
      act.leaveTimedState(context, event, params.state),
    ),
    clearAcceptance: assign(({ event }) =>
      event.type === 'RESUME' ? {} : { officerId: null, lawyerId: null },
    ),
    clearPanel: assign(({ event }) => (event.type === 'RESUME' ? {} : { panel: [] })),
    recordAcceptance: assign(({ context, event }) => {
      assertEvent(event, 'ACCEPT');
      return {
        officerId: event.officerId,
        lawyerId: event.lawyerId,
        ...act.receive(
          context,
          event,
          event.consentingPartyIds ?? [],
          'consent',
          'no_objection',
          event.rightsNoticeHow ?? 'oral',
        ),
      };
    }),
    recordPanel: assign(({ context, event }) => {
      assertEvent(event, 'CONVENE_PANEL');
      return {
        panel: event.members.map((m) => ({ userId: m.userId, institution: m.institution })),
        ...act.receive(
          context,
          event,
          event.consentingPartyIds ?? [],
          'consent',
          'no_objection',
          event.rightsNoticeHow ?? 'oral',
        ),
      };
    }),
    recordConsent: assign(({ context, event }) => {
      assertEvent(event, 'RECORD_CONSENT');
      return act.receive(
        context,
        event,
        event.partyIds,
        event.form,
        null,
        event.rightsNoticeHow ?? 'oral',
      );
    }),
    recordReplacement: assign(({ context, event }) => {
      assertEvent(event, 'REPLACE_MEDIATOR');
      return act.replaceMediator(context, event);
    }),
    recordPoliceReport: assign(({ context, event }) => {
      assertEvent(event, 'REPORT_TO_POLICE');
      return act.reportToPolice(context, event);
    }),
    recordAgreement: assign(({ context, event }) => {
      assertEvent(event, 'REACH_AGREEMENT');
      return act.reachAgreement(context, event);
    }),
    recordEscalation: assign(({ context, event }, params: { automatic: boolean }) => {
      const next = TIERS_UP[context.tier];
      return next ? act.escalation(context, event, next, params.automatic) : {};
    }),
    recordEmergency: assign(({ context, event }) => act.escalation(context, event, 'red', false)),
    expire: assign(({ context, event }, params: { markOverdue: boolean }) => {
      assertEvent(event, ['DEADLINE_EXPIRED', 'FOLLOW_UP_DUE']);
      return act.expire(context, event.timerId, params.markOverdue);
    }),
    extendDeadline: assign(({ context, event }, params: { state: TimedState }) => {
      assertEvent(event, 'EXTEND_DEADLINE');
      return act.extend(context, event, params.state);
    }),
    suspend: assign(({ context, event }, params: { from: OpenStatus }) =>
      act.suspend(context, event, params.from),
    ),
    resume: assign(({ context, event }) => act.resume(context, event)),
    requestConfirmation: assign(({ context, event }) => {
      assertEvent(event, 'REQUEST_JUDICIAL_CONFIRMATION');
      return act.requestConfirmation(context, event);
    }),
    recordConfirmation: assign(({ context, event }) => {
      assertEvent(event, 'RECORD_CONFIRMATION');
      return act.recordConfirmation(context, event);
    }),
    // The follow-up itself is the event record; what it changes is in the actions beside it.
    recordFollowUp: assign((_, _params: { performed: Performance }) => ({})),
    urgePerformance: assign(({ context, event }) => act.urge(context, event)),
    supersedeAgreement: assign(({ context }) => act.supersede(context)),
    recordNonPerformance: assign(({ context, event }) => act.nonPerformance(context, event)),
    leaveFollowUp: assign(({ context, event }) => act.leaveFollowUp(context, event)),
    close: assign(({ context, event }, params: { outcome: Outcome }) =>
      act.close(context, event, params.outcome),
    ),
  },
}).createMachine({
  id: MACHINE_ID,
  version: String(MACHINE_VERSION),
  context: ({ input }) => act.initialContext(input),
  initial: 'intake',
  states: {
    // Triage decides the starting tier; this state is left in the same step it is entered.
    intake: {
      always: [
        // Screened out (2002 rules Arts. 22, 24): the case opens closed, `not_accepted`.
        { target: 'closed', guard: 'screenedOut' },
        { target: 'red', guard: { type: 'startsAt', params: { tier: 'red' } } },
        { target: 'yellow', guard: { type: 'startsAt', params: { tier: 'yellow' } } },
        { target: 'blue' },
      ],
    },
    blue: {
      entry: { type: 'enterTier', params: { tier: 'blue' } },
      initial: 'mediating',
      on: {
        ...mediationOn,
        ESCALATE: {
          target: '#dispute.yellow',
          guard: 'mayEscalate',
          actions: { type: 'recordEscalation', params: { automatic: false } },
        },
        EMERGENCY_ESCALATE: {
          target: '#dispute.red',
          guard: 'mayEmergencyEscalate',
          actions: 'recordEmergency',
        },
      },
      states: {
        mediating: {
          ...timed('blue.mediating'),
          on: {
            REACH_AGREEMENT: {
              target: '#dispute.agreed',
              guard: 'mayReachAgreement',
              actions: 'recordAgreement',
            },
            DEADLINE_EXPIRED: {
              target: '#dispute.yellow',
              guard: 'timerArmed',
              actions: [
                { type: 'expire', params: { markOverdue: false } },
                { type: 'recordEscalation', params: { automatic: true } },
              ],
            },
            ...consentIn,
            EXTEND_DEADLINE: extendIn('blue.mediating'),
            SUSPEND: suspendFrom('blue.mediating'),
          },
        },
      },
    },
    yellow: {
      entry: { type: 'enterTier', params: { tier: 'yellow' } },
      initial: 'awaitingAcceptance',
      on: {
        ...mediationOn,
        ESCALATE: {
          target: '#dispute.red',
          guard: 'mayEscalate',
          actions: { type: 'recordEscalation', params: { automatic: false } },
        },
        EMERGENCY_ESCALATE: {
          target: '#dispute.red',
          guard: 'mayEmergencyEscalate',
          actions: 'recordEmergency',
        },
        DOWNGRADE: { target: '#dispute.blue', guard: 'mayDowngrade' },
      },
      states: {
        awaitingAcceptance: {
          ...timed('yellow.awaitingAcceptance'),
          entry: [
            { type: 'armTimers', params: { state: 'yellow.awaitingAcceptance' } },
            'clearAcceptance',
          ],
          on: {
            ACCEPT: { target: 'jointReview', guard: 'mayAccept', actions: 'recordAcceptance' },
            // The acceptance deadline only reminds: the case is flagged overdue, not escalated.
            DEADLINE_EXPIRED: {
              guard: 'timerArmed',
              actions: { type: 'expire', params: { markOverdue: true } },
            },
            EXTEND_DEADLINE: extendIn('yellow.awaitingAcceptance'),
            SUSPEND: suspendFrom('yellow.awaitingAcceptance'),
          },
        },
        jointReview: {
          ...timed('yellow.jointReview'),
          on: {
            REACH_AGREEMENT: {
              target: '#dispute.agreed',
              guard: 'mayReachAgreement',
              actions: 'recordAgreement',
            },
            DEADLINE_EXPIRED: {
              target: '#dispute.red',
              guard: 'timerArmed',
              actions: [
                { type: 'expire', params: { markOverdue: false } },
                { type: 'recordEscalation', params: { automatic: true } },
              ],
            },
            ...consentIn,
            ...replaceIn,
            EXTEND_DEADLINE: extendIn('yellow.jointReview'),
            SUSPEND: suspendFrom('yellow.jointReview'),
          },
        },
      },
    },
    red: {
      entry: { type: 'enterTier', params: { tier: 'red' } },
      initial: 'convening',
      on: {
        ...mediationOn,
        DOWNGRADE: { target: '#dispute.yellow', guard: 'mayDowngrade' },
      },
      states: {
        convening: {
          ...timed('red.convening'),
          entry: [{ type: 'armTimers', params: { state: 'red.convening' } }, 'clearPanel'],
          on: {
            CONVENE_PANEL: {
              target: 'panelMediation',
              guard: 'mayConvenePanel',
              actions: 'recordPanel',
            },
            // Red is the last tier: a passed deadline flags the case for the supervisors.
            DEADLINE_EXPIRED: {
              guard: 'timerArmed',
              actions: { type: 'expire', params: { markOverdue: true } },
            },
            EXTEND_DEADLINE: extendIn('red.convening'),
            SUSPEND: suspendFrom('red.convening'),
          },
        },
        panelMediation: {
          ...timed('red.panelMediation'),
          on: {
            REACH_AGREEMENT: {
              target: '#dispute.agreed',
              guard: 'mayReachAgreement',
              actions: 'recordAgreement',
            },
            REFER_TO_LITIGATION: {
              target: '#dispute.closed',
              guard: 'mayReferToLitigation',
              actions: { type: 'close', params: { outcome: 'referred_to_litigation' } },
            },
            DEADLINE_EXPIRED: {
              guard: 'timerArmed',
              actions: { type: 'expire', params: { markOverdue: true } },
            },
            ...consentIn,
            ...replaceIn,
            EXTEND_DEADLINE: extendIn('red.panelMediation'),
            SUSPEND: suspendFrom('red.panelMediation'),
          },
        },
      },
    },
    agreed: {
      ...timed('agreed'),
      initial: 'performing',
      on: {
        ...bindingOn,
        RECORD_FOLLOW_UP: followUpOutcomes,
        FOLLOW_UP_DUE: {
          target: '#dispute.followUp',
          guard: 'timerArmed',
          actions: { type: 'expire', params: { markOverdue: false } },
        },
      },
      states: {
        performing: {
          on: {
            REQUEST_JUDICIAL_CONFIRMATION: {
              target: 'judicialConfirmation',
              guard: 'mayRequestConfirmation',
              actions: 'requestConfirmation',
            },
            SUSPEND: suspendFrom('agreed'),
          },
        },
        judicialConfirmation: {
          on: {
            // The follow-up visit falls due while the court has the application: the timer is
            // spent, but the application is not cut short (PML Art. 33).
            FOLLOW_UP_DUE: {
              guard: 'timerArmed',
              actions: { type: 'expire', params: { markOverdue: false } },
            },
            RECORD_CONFIRMATION: {
              target: 'performing',
              guard: 'mayRecordConfirmation',
              actions: 'recordConfirmation',
            },
            SUSPEND: suspendFrom('agreed.judicialConfirmation'),
          },
        },
      },
    },
    followUp: {
      // The Art. 33 window's timers came along from `agreed`: they end when the case leaves for
      // mediation again, and stay for a joint application or a suspension.
      exit: 'leaveFollowUp',
      on: {
        ...bindingOn,
        RECORD_FOLLOW_UP: followUpOutcomes,
        // PML Art. 33: the joint application may be made while the window runs, follow-up or not.
        REQUEST_JUDICIAL_CONFIRMATION: {
          target: '#dispute.agreed.judicialConfirmation',
          guard: 'mayRequestConfirmation',
          actions: 'requestConfirmation',
        },
        SUSPEND: suspendFrom('followUp'),
      },
    },
    suspended: {
      exit: 'resume',
      on: {
        ...closeOn,
        ...reportOn,
        RESUME: [
          resumeTo('blue.mediating', '#dispute.blue.mediating'),
          resumeTo('yellow.awaitingAcceptance', '#dispute.yellow.awaitingAcceptance'),
          resumeTo('yellow.jointReview', '#dispute.yellow.jointReview'),
          resumeTo('red.convening', '#dispute.red.convening'),
          resumeTo('red.panelMediation', '#dispute.red.panelMediation'),
          resumeTo('agreed', '#dispute.agreed.performing'),
          resumeTo('agreed.judicialConfirmation', '#dispute.agreed.judicialConfirmation'),
          resumeTo('followUp', '#dispute.followUp'),
        ],
      },
    },
    closed: { type: 'final' },
  },
});

export type DisputeMachine = typeof disputeMachine;
