/**
 * The engine the server calls: open, step, restore, allowed events. A persisted snapshot is a
 * database row: it must survive JSON and continue exactly as the live one would.
 */
import {
  allowedEvents,
  handledEvents,
  openCase,
  restore,
  step,
  type PersistedWorkflow,
  type StepAccepted,
} from './engine';
import type { Actor } from './context';
import type { WorkflowEvent } from './events';
import { MACHINE_ID, MACHINE_VERSION } from './machine';
import { statusOf } from './status';
import { DEFAULT_POLICY } from './timers';
import {
  ACTORS,
  at,
  Case,
  caseIn,
  DAY,
  event,
  LOCATION,
  PARTIES,
  validPayload,
} from './testing/fixtures';

const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A long life: escalations, suspension, extension, an agreement, confirmation and follow-up. */
function script(c: Case): { events: WorkflowEvent[]; states: PersistedWorkflow[] } {
  const events: WorkflowEvent[] = [];
  const states: PersistedWorkflow[] = [c.state];
  const push = (e: WorkflowEvent) => {
    events.push(e);
    const r = step(c.state, e);
    if (!r.ok) throw new Error(`${e.type} refused: ${r.reason}`);
    c.view = r;
    states.push(r.state);
  };
  let minute = 0;
  const next = (gap = 30) => at((minute += gap));
  const send = (
    type: Parameters<typeof validPayload>[0],
    actor: Actor = ACTORS.gridWorker,
    overrides = {},
  ) => {
    const when = next();
    push(event(type, { ...validPayload(type, c.state, when), ...overrides } as never, actor, when));
  };
  send('SUSPEND');
  send('RESUME', ACTORS.supervisor);
  send('EXTEND_DEADLINE');
  minute = 5 * DAY;
  send('DEADLINE_EXPIRED', ACTORS.system);
  send('ACCEPT', ACTORS.secondJudicialOfficer);
  send('EMERGENCY_ESCALATE', ACTORS.communityPolice);
  send('DEADLINE_EXPIRED', ACTORS.system);
  send('EXTEND_DEADLINE', ACTORS.supervisor);
  send('CONVENE_PANEL', ACTORS.courtMember);
  send('REACH_AGREEMENT', ACTORS.courtMember, { performanceDueAt: at(minute + 3 * DAY) });
  send('REQUEST_JUDICIAL_CONFIRMATION', ACTORS.lawFirmMember);
  send('SUSPEND', ACTORS.supervisor);
  send('RESUME', ACTORS.supervisor);
  send('RECORD_CONFIRMATION', ACTORS.courtMember);
  minute += 20 * DAY;
  send('FOLLOW_UP_DUE', ACTORS.system);
  send('RECORD_FOLLOW_UP', ACTORS.policeMember, { performed: 'partial' });
  send('REACH_AGREEMENT', ACTORS.judicialMember);
  send('RECORD_FOLLOW_UP', ACTORS.judicialMember, { performed: 'full' });
  return { events, states };
}

describe('openCase', () => {
  it('returns the view the server stores: status, tier, timers and a tagged snapshot', () => {
    const view = openCase({
      location: LOCATION,
      parties: PARTIES,
      tier: 'yellow',
      openedAt: at(0),
      policy: DEFAULT_POLICY,
    });
    expect(view).toMatchObject({
      status: 'yellow.awaitingAcceptance',
      tier: 'yellow',
      highestTier: 'yellow',
      outcome: null,
      overdue: false,
    });
    expect(view.state.machineId).toBe(MACHINE_ID);
    expect(view.state.machineVersion).toBe(MACHINE_VERSION);
    expect(view.state.value).toEqual({ yellow: 'awaitingAcceptance' });
    expect(view.state.context.parties).toEqual(PARTIES);
    expect(view.timers).toBe(view.state.context.timers);
  });
});

describe('persisted snapshots', () => {
  it('every snapshot of a long case survives JSON unchanged', () => {
    const c = new Case('blue');
    const { states } = script(c);
    expect(states.map((s) => statusOf(s.value))).toContain('agreed.judicialConfirmation');
    for (const s of states) expect(viaJson(s)).toEqual(s);
    expect(c.view.outcome).toBe('resolved');
  });

  it('a case restored from JSON at any point continues exactly as the live one', () => {
    const live = new Case('blue');
    const { events } = script(live);
    const finalLive = live.view;

    // replay, but take every intermediate state through JSON.stringify / parse first
    let state = viaJson(new Case('blue').state);
    let last: StepAccepted | null = null;
    for (const e of events) {
      const result = step(viaJson(state), viaJson(e));
      if (!result.ok)
        throw new Error(`${e.type} refused after a JSON round trip: ${result.reason}`);
      last = result;
      state = viaJson(result.state);
    }
    expect(last?.state).toEqual(finalLive.state);
    expect(last?.status).toBe('closed');
    expect(last?.highestTier).toBe('red');
    expect(last?.tier).toBe('red');
  });

  it('restore gives back the status, context and the events the state handles', () => {
    const c = caseIn('agreed.judicialConfirmation', { tier: 'yellow' });
    const snapshot = restore(viaJson(c.state));
    expect(statusOf(snapshot.value)).toBe('agreed.judicialConfirmation');
    expect(snapshot.context).toEqual(c.context);
    expect([...handledEvents(snapshot)].sort()).toEqual(
      [
        'RECORD_CONFIRMATION',
        'SUSPEND',
        'WITHDRAW',
        'TRANSFER',
        'RECORD_REFUSAL',
        'RECORD_FOLLOW_UP',
        'REPORT_TO_POLICE',
        'FOLLOW_UP_DUE',
      ].sort(),
    );
  });

  it('refuses a snapshot of another machine, saying whose it is', () => {
    const state = { ...caseIn('blue.mediating').state, machineId: 'complaint' };
    expect(() => restore(state)).toThrow('snapshot belongs to machine complaint, not dispute');
    expect(() => step(state, caseIn('blue.mediating').build('WITHDRAW'))).toThrow(
      /belongs to machine complaint/,
    );
  });

  it.each([0, MACHINE_VERSION + 1, MACHINE_VERSION + 10])(
    'refuses a snapshot of machine version %s',
    (version) => {
      const state = { ...caseIn('blue.mediating').state, machineVersion: version };
      expect(() => restore(state)).toThrow(
        `snapshot version ${version} cannot be read by machine version ${MACHINE_VERSION}`,
      );
      expect(() => allowedEvents(state, ACTORS.gridWorker, at(1))).toThrow(/cannot be read/);
    },
  );
});

describe('step', () => {
  it('is pure: the stored state is not touched, and the same event gives the same result', () => {
    const c = caseIn('yellow.jointReview');
    const frozen = JSON.stringify(c.state);
    const e = c.build('REACH_AGREEMENT', {}, ACTORS.judicialOfficer, at(100));
    const first = step(c.state, e);
    const second = step(c.state, e);
    expect(JSON.stringify(c.state)).toBe(frozen);
    expect(second).toEqual(first);
    expect(first.ok && first.status).toBe('agreed');
  });

  it('a refusal tells the sender what they may send instead', () => {
    const c = caseIn('blue.mediating');
    const result = step(c.state, c.build('ACCEPT', {}, ACTORS.gridWorker, at(5)));
    expect(result).toEqual({
      ok: false,
      reason: 'ACCEPT is not possible while the case is blue.mediating',
      code: 'NOT_IN_STATE',
      params: { event: 'ACCEPT', status: 'blue.mediating' },
      allowed: [
        'REACH_AGREEMENT',
        'ESCALATE',
        'EMERGENCY_ESCALATE',
        'WITHDRAW',
        'TRANSFER',
        'RECORD_REFUSAL',
        'EXTEND_DEADLINE',
        'SUSPEND',
        'RECORD_CONSENT',
        'CHOOSE_OTHER_ROUTE',
        'REPORT_TO_POLICE',
      ],
    });
  });

  it('a stranger is refused and offered nothing', () => {
    const c = caseIn('red.panelMediation');
    const result = step(c.state, c.build('WITHDRAW', {}, ACTORS.foreignSupervisor, at(60)));
    expect(result).toEqual({
      ok: false,
      reason:
        'only the members of the convened panel handle this red case (or a supervisor of street S-LAOSHAN)',
      code: 'HANDLER_RED',
      params: { supervisorStreet: 'S-LAOSHAN' },
      allowed: [],
    });
  });

  it('a supervisor refused for a payload is still offered what they may do', () => {
    const c = caseIn('red.convening');
    const result = step(
      c.state,
      c.build('CONVENE_PANEL', { members: [] }, ACTORS.supervisor, at(5)),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('the panel has no members');
    expect(result.allowed).toEqual([
      'CONVENE_PANEL',
      'DOWNGRADE',
      'WITHDRAW',
      'TRANSFER',
      'EXTEND_DEADLINE',
      'SUSPEND',
      'CHOOSE_OTHER_ROUTE',
      'REPORT_TO_POLICE',
    ]);
  });
});

describe('allowedEvents', () => {
  it('lists every event type once, each with a reason when refused', () => {
    const list = allowedEvents(caseIn('blue.mediating').state, ACTORS.gridWorker, at(5));
    expect(new Set(list.map((e) => e.type)).size).toBe(22);
    expect(list).toHaveLength(22);
    const refused = list.filter((e) => !e.allowed);
    const allowed = list.filter((e) => e.allowed);
    // Both kinds are there, so the checks below are not vacuous.
    expect(refused.length).toBeGreaterThan(0);
    expect(allowed.map((e) => e.type)).toContain('ESCALATE');
    for (const e of refused)
      expect([e.type, e.reason]).toEqual([e.type, expect.stringMatching(/\w+/)]);
    for (const e of allowed) expect(e).toEqual({ type: e.type, allowed: true });
  });

  it('judges payload-free events completely: a late confirmation request is refused up front', () => {
    const c = caseIn('agreed');
    const late = at(40 * DAY);
    const entry = allowedEvents(c.state, ACTORS.gridWorker, late).find(
      (e) => e.type === 'REQUEST_JUDICIAL_CONFIRMATION',
    );
    expect(entry).toEqual({
      type: 'REQUEST_JUDICIAL_CONFIRMATION',
      allowed: false,
      reason: `outside the 30-day window: judicial confirmation had to be requested by ${c.context.agreement?.confirmationWindowEndsAt}`,
      code: 'CONFIRMATION_WINDOW_PASSED',
      params: { endsAt: c.context.agreement?.confirmationWindowEndsAt },
    });
    const inTime = allowedEvents(c.state, ACTORS.gridWorker, at(DAY)).find(
      (e) => e.type === 'REQUEST_JUDICIAL_CONFIRMATION',
    );
    expect(inTime).toEqual({ type: 'REQUEST_JUDICIAL_CONFIRMATION', allowed: true });
  });

  it('offers a supervisor the supervisory events only', () => {
    const allowed = allowedEvents(caseIn('blue.mediating').state, ACTORS.supervisor, at(5))
      .filter((e) => e.allowed)
      .map((e) => e.type);
    expect(allowed).toEqual([
      'ESCALATE',
      'EMERGENCY_ESCALATE',
      'WITHDRAW',
      'TRANSFER',
      'EXTEND_DEADLINE',
      'SUSPEND',
      'CHOOSE_OTHER_ROUTE',
      'REPORT_TO_POLICE',
    ]);
  });

  it('offers the system its timer events only', () => {
    const allowed = allowedEvents(caseIn('agreed').state, ACTORS.system, at(5))
      .filter((e) => e.allowed)
      .map((e) => e.type);
    expect(allowed).toEqual(['FOLLOW_UP_DUE']);
  });
});

describe('statusOf', () => {
  it('maps state values to the contractual dotted status', () => {
    expect(statusOf({ agreed: 'performing' })).toBe('agreed');
    expect(statusOf({ agreed: 'judicialConfirmation' })).toBe('agreed.judicialConfirmation');
    expect(statusOf({ red: 'convening' })).toBe('red.convening');
    expect(statusOf('followUp')).toBe('followUp');
  });

  it('refuses a state that is not a status', () => {
    expect(() => statusOf('intake')).toThrow('state intake has no status');
    expect(() => statusOf({})).toThrow('empty state value');
  });
});
