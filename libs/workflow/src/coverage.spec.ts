/**
 * Model-based coverage with @xstate/graph: the statechart is traversed from a fresh blue case
 * with realistic events (the right actors, valid payloads, the timers actually armed), then
 * - every status of the contract must be reachable, and every outcome;
 * - every reachable state must keep the case's bookkeeping consistent;
 * - for every (status, event type) pair the engine must either accept the event for some
 *   actor and payload, or refuse it with a reason — and which pairs are accepted must be
 *   exactly the event table of DESIGN.md §3;
 * - `allowedEvents` must agree with `step`.
 */
import { getShortestPaths, type StatePath } from '@xstate/graph';
import type { Actor } from './context';
import { OUTCOMES, STATUSES, TIERS, type Status } from './domain';
import {
  allowedEvents,
  openCase,
  restore,
  step,
  type PersistedWorkflow,
  type StepAccepted,
  type StepRefused,
} from './engine';
import { EVENT_TYPES, type EventType, type WorkflowEvent } from './events';
import { disputeMachine, MACHINE_ID, MACHINE_VERSION } from './machine';
import { statusOf } from './status';
import { DEFAULT_POLICY } from './timers';
import {
  ACTORS,
  ALL_ACTORS,
  at,
  event,
  handlerOf,
  LOCATION,
  PARTIES,
  SCREENED_OUT,
  validPayload,
} from './testing/fixtures';

type Snapshot = ReturnType<typeof restore>;
type Path = StatePath<Snapshot, WorkflowEvent>;

/** DESIGN.md §3, event table: the events each status accepts (for the right actor and payload). */
const EVENT_TABLE: Record<Status, EventType[]> = {
  'blue.mediating': [
    'REACH_AGREEMENT',
    'ESCALATE',
    'EMERGENCY_ESCALATE',
    'WITHDRAW',
    'TRANSFER',
    'RECORD_REFUSAL',
    'EXTEND_DEADLINE',
    'SUSPEND',
    'DEADLINE_EXPIRED',
    'RECORD_CONSENT',
    'CHOOSE_OTHER_ROUTE',
    'REPORT_TO_POLICE',
  ],
  'yellow.awaitingAcceptance': [
    'ACCEPT',
    'ESCALATE',
    'DOWNGRADE',
    'EMERGENCY_ESCALATE',
    'WITHDRAW',
    'TRANSFER',
    'RECORD_REFUSAL',
    'EXTEND_DEADLINE',
    'SUSPEND',
    'DEADLINE_EXPIRED',
    'CHOOSE_OTHER_ROUTE',
    'REPORT_TO_POLICE',
  ],
  'yellow.jointReview': [
    'REACH_AGREEMENT',
    'ESCALATE',
    'DOWNGRADE',
    'EMERGENCY_ESCALATE',
    'WITHDRAW',
    'TRANSFER',
    'RECORD_REFUSAL',
    'EXTEND_DEADLINE',
    'SUSPEND',
    'DEADLINE_EXPIRED',
    'RECORD_CONSENT',
    'CHOOSE_OTHER_ROUTE',
    'REPORT_TO_POLICE',
    'REPLACE_MEDIATOR',
  ],
  'red.convening': [
    'CONVENE_PANEL',
    'DOWNGRADE',
    'WITHDRAW',
    'TRANSFER',
    'RECORD_REFUSAL',
    'EXTEND_DEADLINE',
    'SUSPEND',
    'DEADLINE_EXPIRED',
    'CHOOSE_OTHER_ROUTE',
    'REPORT_TO_POLICE',
  ],
  'red.panelMediation': [
    'REACH_AGREEMENT',
    'DOWNGRADE',
    'REFER_TO_LITIGATION',
    'WITHDRAW',
    'TRANSFER',
    'RECORD_REFUSAL',
    'EXTEND_DEADLINE',
    'SUSPEND',
    'DEADLINE_EXPIRED',
    'RECORD_CONSENT',
    'CHOOSE_OTHER_ROUTE',
    'REPORT_TO_POLICE',
    'REPLACE_MEDIATOR',
  ],
  agreed: [
    'WITHDRAW',
    'TRANSFER',
    'RECORD_REFUSAL',
    'SUSPEND',
    'REQUEST_JUDICIAL_CONFIRMATION',
    'RECORD_FOLLOW_UP',
    'FOLLOW_UP_DUE',
    'REPORT_TO_POLICE',
  ],
  'agreed.judicialConfirmation': [
    'WITHDRAW',
    'TRANSFER',
    'RECORD_REFUSAL',
    'SUSPEND',
    'RECORD_CONFIRMATION',
    'RECORD_FOLLOW_UP',
    'FOLLOW_UP_DUE',
    'REPORT_TO_POLICE',
  ],
  followUp: [
    'WITHDRAW',
    'TRANSFER',
    'RECORD_REFUSAL',
    'SUSPEND',
    'RECORD_FOLLOW_UP',
    'REPORT_TO_POLICE',
    // PML Art. 33: the joint application may be made while the window runs (machine version 3).
    'REQUEST_JUDICIAL_CONFIRMATION',
  ],
  suspended: ['WITHDRAW', 'TRANSFER', 'RECORD_REFUSAL', 'RESUME', 'REPORT_TO_POLICE'],
  closed: [],
};

const persisted = (s: Snapshot): PersistedWorkflow => ({
  machineId: MACHINE_ID,
  machineVersion: MACHINE_VERSION,
  value: s.value,
  context: s.context,
});

/** Payload variants that lead to different places. */
const VARIANTS: Partial<Record<EventType, Record<string, unknown>[]>> = {
  RECORD_FOLLOW_UP: [{ performed: 'full' }, { performed: 'partial' }, { performed: 'none' }],
  RECORD_CONFIRMATION: [{ confirmed: true }, { confirmed: false }],
  // PML Art. 23: a party ends mediation, or the parties settle by themselves (outcome apart).
  WITHDRAW: [{}, { ground: 'settled_by_parties' }],
};

const WHEN = at(60);

/** Every event of `type` the given actors could send to `state`, with valid payloads. */
function candidates(state: PersistedWorkflow, type: EventType, actors: Actor[]): WorkflowEvent[] {
  return actors.flatMap((actor) =>
    (VARIANTS[type] ?? [{}]).map((variant) =>
      event(type, { ...validPayload(type, state, WHEN), ...variant } as never, actor, WHEN),
    ),
  );
}

/** The people a case needs at each point: its handler, the supervisor, the court, the system. */
const traversalActors = (state: PersistedWorkflow): Actor[] => [
  handlerOf(state),
  ACTORS.supervisor,
  ACTORS.courtMember,
  ACTORS.communityPolice,
  ACTORS.system,
];

/**
 * Abstract state for the traversal: where the case is and what it remembers that changes what
 * may happen next (the tiers, the acceptance, the panel, the agreement, overdue, suspension).
 */
function abstractState(s: Snapshot): string {
  const c = s.context;
  return JSON.stringify([
    statusOf(s.value),
    c.tier,
    c.highestTier,
    c.suspendedFrom,
    c.agreement?.tier ?? null,
    c.agreement?.confirmation ?? null,
    c.officerId !== null,
    c.panel.length > 0,
    c.overdue,
    c.outcome,
    c.timers.length > 0,
  ]);
}

/**
 * Memoised walk results. Normally one walk serves the whole file. In Stryker's dry run (its
 * per-test coverage phase, when the instrumented code records `__stryker__.currentTestId`) each
 * test walks for itself: a walk in a `beforeAll` would run outside every test, every workflow
 * mutant it touches would count as "static", and Stryker would then run all workflow tests for
 * each of them. Per test, a mutant is attributed to exactly the tests whose walk reached it. In
 * mutant runs (no current test id) one walk again serves every selected test: the active mutant
 * is the same for the whole run, so sharing it changes nothing.
 */
function memoPerStrykerTest<T>(compute: () => T): () => T {
  const cache = new Map<string, T>();
  return () => {
    const stryker = (globalThis as { __stryker__?: { currentTestId?: string } }).__stryker__;
    const key = stryker?.currentTestId ?? '';
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
}

/** Every shortest path from a fresh blue case, over the abstract states above. */
const walk = memoPerStrykerTest((): Path[] =>
  getShortestPaths(disputeMachine, {
    input: {
      location: LOCATION,
      parties: PARTIES,
      tier: 'blue',
      openedAt: at(0),
      policy: DEFAULT_POLICY,
    },
    events: (s: Snapshot) => {
      const state = persisted(s);
      return EVENT_TYPES.flatMap((type) => candidates(state, type, traversalActors(state)));
    },
    serializeState: abstractState,
  }),
);

/** For each status, the end of the shortest path that reaches it: a fresh case in it. */
const representatives = memoPerStrykerTest((): Map<Status, PersistedWorkflow> => {
  const representative = new Map<Status, PersistedWorkflow>();
  const byWeight = [...walk()].sort((a, b) => a.weight - b.weight);
  for (const p of byWeight) {
    const status = statusOf(p.state.value);
    if (!representative.has(status)) representative.set(status, persisted(p.state));
  }
  return representative;
});

const describePath = (p: Path) =>
  p.steps
    .map((s) => s.event.type)
    .filter((t) => !t.startsWith('xstate.'))
    .join(' → ');

describe('reachability', () => {
  it('every status in STATUSES is reachable from a new blue case', () => {
    const reached = new Set(walk().map((p) => statusOf(p.state.value)));
    const missing = STATUSES.filter((s) => !reached.has(s));
    expect(missing).toEqual([]);
    expect(representatives().size).toBe(STATUSES.length);
  });

  it('the shortest routes are the ones the event table gives', () => {
    const shortest = Object.fromEntries(
      STATUSES.map((status) => {
        const best = walk()
          .filter((p) => statusOf(p.state.value) === status)
          .sort((a, b) => a.weight - b.weight)[0];
        return [status, best ? describePath(best) : 'UNREACHABLE'];
      }),
    );
    expect(shortest).toEqual({
      'blue.mediating': '',
      'yellow.awaitingAcceptance': 'ESCALATE',
      'yellow.jointReview': 'ESCALATE → ACCEPT',
      'red.convening': 'EMERGENCY_ESCALATE',
      'red.panelMediation': 'EMERGENCY_ESCALATE → CONVENE_PANEL',
      agreed: 'REACH_AGREEMENT',
      'agreed.judicialConfirmation': 'REACH_AGREEMENT → REQUEST_JUDICIAL_CONFIRMATION',
      // PML Art. 31: a party who withdraws from an agreement in effect has not performed it.
      followUp: 'REACH_AGREEMENT → WITHDRAW',
      suspended: 'SUSPEND',
      closed: 'WITHDRAW',
    });
  });

  it('every outcome is reachable (not_accepted only from intake screening)', () => {
    const outcomes = new Set(
      walk()
        .map((p) => p.state.context.outcome)
        .filter((o) => o !== null),
    );
    expect([...outcomes].sort()).toEqual(OUTCOMES.filter((o) => o !== 'not_accepted').sort());
    // 2002 rules Arts. 22, 24: screening happens before any event, when the case is opened.
    const screened = openCase({
      location: LOCATION,
      parties: PARTIES,
      tier: 'blue',
      openedAt: at(0),
      policy: DEFAULT_POLICY,
      notAccepted: SCREENED_OUT,
    });
    expect([screened.status, screened.outcome]).toEqual(['closed', 'not_accepted']);
  });

  it('every status is reached at every tier that can hold it', () => {
    const seen = new Set(walk().map((p) => `${statusOf(p.state.value)}@${p.state.context.tier}`));
    const expected = [
      'blue.mediating@blue',
      'yellow.awaitingAcceptance@yellow',
      'yellow.jointReview@yellow',
      'red.convening@red',
      'red.panelMediation@red',
      ...['agreed', 'agreed.judicialConfirmation', 'followUp', 'suspended', 'closed'].flatMap((s) =>
        TIERS.map((t) => `${s}@${t}`),
      ),
    ];
    expect([...seen].sort()).toEqual(expected.sort());
  });
});

describe('invariants of every reachable state', () => {
  it('tier, highest tier, outcome, suspension and timers agree with the status', () => {
    const broken: string[] = [];
    for (const p of walk()) {
      const status = statusOf(p.state.value);
      const c = p.state.context;
      const where = `${status} via ${describePath(p)}`;
      const check = (ok: boolean, what: string) => ok || broken.push(`${where}: ${what}`);
      const tierOfStatus = status.split('.')[0];
      check(TIERS.indexOf(c.highestTier) >= TIERS.indexOf(c.tier), 'highestTier below tier');
      if ((TIERS as readonly string[]).includes(tierOfStatus ?? ''))
        check(c.tier === tierOfStatus, `tier ${c.tier}`);
      if (status === 'agreed' || status === 'agreed.judicialConfirmation' || status === 'followUp')
        check(c.agreement?.tier === c.tier, 'agreement of another tier');
      check((status === 'closed') === (c.outcome !== null), `outcome ${c.outcome}`);
      check((status === 'suspended') === (c.suspendedFrom !== null), 'suspendedFrom');
      check(
        status === 'suspended' || c.pausedTimers.length === 0,
        'paused timers outside suspension',
      );
      const scope = status === 'agreed.judicialConfirmation' ? 'agreed' : status;
      // The Art. 33 window keeps running through a suspension from agreed.
      const confirmationWindow = (t: { kind: string }) => t.kind.startsWith('confirmation_');
      // …and through the follow-up visit: it runs on its own (PML Art. 33, machine version 3).
      const windowRuns = status === 'suspended' || status === 'followUp';
      check(
        c.timers.every((t) => t.scope === scope || (windowRuns && confirmationWindow(t))),
        `timers of ${c.timers.map((t) => t.scope).join(', ')}`,
      );
      const deadlines = c.timers.filter((t) => t.kind === 'deadline').length;
      check(deadlines <= 1, `${deadlines} deadlines armed`);
      if (status === 'yellow.jointReview')
        check(c.officerId !== null, 'reviewed without an officer');
      if (status === 'red.panelMediation') check(c.panel.length === 4, 'mediating without a panel');
      if (status === 'red.convening') check(c.panel.length === 0, 'convening with an old panel');
      if (status === 'yellow.awaitingAcceptance')
        check(c.officerId === null, 'awaiting an old officer');
      check(
        !c.overdue ||
          [
            'yellow.awaitingAcceptance',
            'red.convening',
            'red.panelMediation',
            'suspended',
          ].includes(status),
        'overdue where nothing can be overdue',
      );
    }
    expect(broken).toEqual([]);
    expect(walk().length).toBeGreaterThan(100);
  });
});

describe('status × event type', () => {
  interface Cell {
    accepted: boolean;
    reasons: string[];
    problem?: string;
  }

  /** Each status's fresh case, sent every event type by every actor with valid payloads. */
  const cells = memoPerStrykerTest((): Map<Status, Map<EventType, Cell>> => {
    const table = new Map<Status, Map<EventType, Cell>>();
    for (const status of STATUSES) {
      const state = representatives().get(status);
      const row = new Map<EventType, Cell>();
      table.set(status, row);
      for (const type of EVENT_TYPES) {
        if (!state) {
          row.set(type, { accepted: false, reasons: [], problem: 'status unreachable' });
          continue;
        }
        const cell: Cell = { accepted: false, reasons: [] };
        for (const e of candidates(state, type, ALL_ACTORS)) {
          let result: StepAccepted | StepRefused;
          try {
            result = step(state, e);
          } catch (error) {
            cell.problem = `step threw for ${e.actor.id}: ${(error as Error).message}`;
            break;
          }
          if (result.ok) {
            cell.accepted = true;
            break;
          }
          if (typeof result.reason !== 'string' || result.reason.trim() === '') {
            cell.problem = `refused ${e.actor.id} without a reason`;
            break;
          }
          cell.reasons.push(result.reason);
        }
        row.set(type, cell);
      }
    }
    return table;
  });

  it('every pair is either accepted or refused with a reason (gaps are listed)', () => {
    const table = cells();
    const gaps: string[] = [];
    for (const [status, row] of table)
      for (const [type, cell] of row) {
        if (cell.problem) gaps.push(`${status} × ${type}: ${cell.problem}`);
        else if (!cell.accepted && cell.reasons.length === 0)
          gaps.push(`${status} × ${type}: neither accepted nor refused`);
      }
    expect(gaps).toEqual([]);
  });

  it('the accepted pairs are exactly the event table of DESIGN.md §3', () => {
    const table = cells();
    const differences: string[] = [];
    for (const status of STATUSES) {
      for (const type of EVENT_TYPES) {
        const accepted = table.get(status)?.get(type)?.accepted ?? false;
        const expected = EVENT_TABLE[status].includes(type);
        if (accepted && !expected)
          differences.push(`${status} accepts ${type}, the table does not`);
        if (!accepted && expected)
          differences.push(
            `${status} refuses ${type} for everyone: ${table.get(status)?.get(type)?.reasons[0]}`,
          );
      }
    }
    expect(differences).toEqual([]);
  });

  it('a pair outside the table is refused for the state, naming the event and the status', () => {
    const table = cells();
    for (const status of STATUSES) {
      for (const type of EVENT_TYPES) {
        if (EVENT_TABLE[status].includes(type)) continue;
        const reasons = new Set(table.get(status)?.get(type)?.reasons);
        expect([...reasons]).toEqual([
          status === 'closed'
            ? `the case is closed: ${type} is not possible (open a new case linked to it)`
            : `${type} is not possible while the case is ${status}`,
        ]);
      }
    }
  });
});

describe('allowedEvents agrees with step', () => {
  /** Timer events have no valid payload unless their timer is armed. */
  const hasValidPayload = (state: PersistedWorkflow, type: EventType) =>
    type === 'DEADLINE_EXPIRED' || type === 'FOLLOW_UP_DUE'
      ? state.context.timers.some((t) => t.fires === type)
      : true;

  /**
   * What the comparison looked at, so a test can tell it was not empty: a loop of asserts over
   * refusals passes vacuously when nothing is refused.
   */
  interface Seen {
    refused: number;
    allowed: number;
    /** Refused entries for which step was tried and agreed. */
    refusalsStepped: number;
  }
  const seenNothing = (): Seen => ({ refused: 0, allowed: 0, refusalsStepped: 0 });

  function disagreements(
    states: PersistedWorkflow[],
    actors: Actor[],
    seen: Seen = seenNothing(),
  ): string[] {
    const out: string[] = [];
    for (const state of states) {
      const status = statusOf(state.value);
      for (const actor of actors) {
        const availability = allowedEvents(state, actor, WHEN);
        const listed = availability.filter((e) => e.allowed).map((e) => e.type);
        for (const entry of availability) {
          if (entry.allowed) seen.allowed += 1;
          else {
            seen.refused += 1;
            // Collected, not asserted here: an expect per refusal was a fifth of the test's time.
            if (!/\w/.test(entry.reason ?? ''))
              out.push(`${where0(state, actor, entry.type)}: refused without a reason`);
          }
          if (entry.allowed && !hasValidPayload(state, entry.type)) continue;
          const results: (StepAccepted | StepRefused)[] = [];
          for (const e of candidates(state, entry.type, [actor])) {
            const r = step(state, e);
            results.push(r);
            if (r.ok && entry.allowed) break;
          }
          const where = `${status}, ${actor.id}, ${entry.type}`;
          if (entry.allowed && !results.some((r) => r.ok)) {
            const first = results[0];
            out.push(
              `${where}: listed allowed but refused (${first && !first.ok ? first.reason : ''})`,
            );
          }
          if (!entry.allowed) {
            if (results.length > 0) seen.refusalsStepped += 1;
            for (const r of results) {
              if (r.ok) out.push(`${where}: listed refused (${entry.reason}) but accepted`);
              else if (r.reason !== entry.reason)
                out.push(`${where}: listed refused "${entry.reason}", step says "${r.reason}"`);
            }
          }
          // a refusal's list of allowed events is allowedEvents' own
          for (const r of results) {
            if (r.ok) continue;
            if (JSON.stringify(r.allowed) !== JSON.stringify(listed))
              out.push(
                `${where}: refusal offers ${r.allowed.join(',')}, allowedEvents ${listed.join(',')}`,
              );
          }
        }
      }
    }
    return out;
  }

  const where0 = (state: PersistedWorkflow, actor: Actor, type: EventType) =>
    `${statusOf(state.value)}, ${actor.id}, ${type}`;

  it('for every actor in a fresh case of every status', () => {
    const seen = seenNothing();
    expect(disagreements([...representatives().values()], ALL_ACTORS, seen)).toEqual([]);
    // Not vacuous: both answers were compared, refusals against step too.
    expect(seen.allowed).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(500);
    expect(seen.refusalsStepped).toBeGreaterThan(500);
  });

  it('for the case’s own people in every reachable state', () => {
    // highestTier only feeds statistics: states differing only in it answer alike
    const distinct = new Map<string, PersistedWorkflow>();
    for (const p of walk()) {
      const key = abstractState({
        ...p.state,
        context: { ...p.state.context, highestTier: 'red' },
      });
      if (!distinct.has(key)) distinct.set(key, persisted(p.state));
    }
    const states = [...distinct.values()];
    expect(states.length).toBeGreaterThan(100);
    const seen = seenNothing();
    const out = states.flatMap((s) => disagreements([s], traversalActors(s), seen));
    expect(out).toEqual([]);
    expect(seen.allowed).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
    expect(seen.refusalsStepped).toBeGreaterThan(100);
  });
});
