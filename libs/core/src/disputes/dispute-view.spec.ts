import type { DisputeEntity, PartyRecord } from '@tricolor/persistence';
import type { Actor, Status } from '@tricolor/workflow';
import {
  ACTORS,
  Case,
  caseIn,
  closedCase,
  type ActorName,
} from '../../../workflow/src/testing/fixtures';
import { deadlinesOf, mask, nextDeadlineOf, toDisputeView } from './dispute-view';

const PHONE = '13800138000';
const ID_NUMBER = '370202199001011234';
const PARTIES: PartyRecord[] = [
  { id: 'party-wang', name: '张三', role: 'applicant', phone: PHONE, idNumber: ID_NUMBER },
  { id: 'party-li', name: '李四', role: 'respondent' },
];
const MASKED = [
  {
    id: 'party-wang',
    name: '张三',
    role: 'applicant',
    phone: '*******8000',
    idNumber: '**************1234',
  },
  { id: 'party-li', name: '李四', role: 'respondent' },
];

const at = new Date('2025-03-03T00:00:00.000Z');

/** The row a case is stored as: only what the view reads matters here. */
function rowOf(c: Case, overrides: Partial<DisputeEntity> = {}): DisputeEntity {
  const { location, tier } = c.context;
  return {
    id: 'case-1',
    reference: 'TC-2025-000001',
    title: 'Leak',
    description: 'Water through the ceiling',
    category: 'neighbour',
    gridCode: location.gridCode,
    communityCode: location.communityCode,
    streetCode: location.streetCode,
    tier,
    highestTier: tier,
    status: c.status,
    outcome: null,
    overdue: false,
    parties: PARTIES.map((p) => ({ ...p })),
    amount: null,
    riskAssessment: { score: 0, matched: [] },
    snapshot: c.state,
    machineId: 'dispute',
    machineVersion: 1,
    version: c.history.length + 1,
    linkedCaseId: null,
    openedBy: 'u-grid-zhang',
    nextDeadlineAt: nextDeadlineOf(c.state),
    createdAt: at,
    updatedAt: at,
    closedAt: c.status === 'closed' ? at : null,
    ...overrides,
  } as DisputeEntity;
}

const partiesSeenBy = (c: Case, who: ActorName | Actor) =>
  toDisputeView(rowOf(c), typeof who === 'string' ? ACTORS[who] : who).parties;

describe('mask', () => {
  it('keeps the last digits and stars the rest', () => {
    expect(mask(PHONE, 4)).toBe('*******8000');
    expect(mask('12345', 4)).toBe('*2345');
  });
  it('stars a value no longer than what would be kept, entirely', () => {
    expect(mask('1234', 4)).toBe('****');
    expect(mask('12', 4)).toBe('**');
    expect(mask('', 4)).toBe('');
  });
  it('leaves an absent value absent', () => {
    expect(mask(undefined, 4)).toBeUndefined();
  });
});

describe("toDisputeView: the parties' numbers", () => {
  it.each<[Status, ActorName[], ActorName[]]>([
    [
      'blue.mediating',
      ['gridWorker'],
      [
        'neighbourGridWorker',
        'communityPolice',
        'judicialOfficer',
        'supervisor',
        'admin',
        'system',
      ],
    ],
    [
      'yellow.awaitingAcceptance',
      ['judicialOfficer', 'secondJudicialOfficer'],
      ['foreignJudicialOfficer', 'gridWorker', 'lawyer', 'supervisor', 'communityPolice'],
    ],
    [
      'yellow.jointReview',
      ['judicialOfficer', 'lawyer'],
      ['secondJudicialOfficer', 'otherLawyer', 'gridWorker', 'supervisor'],
    ],
    [
      'red.convening',
      ['policeMember', 'courtMember', 'spareCourtMember'],
      ['foreignCourtMember', 'judicialOfficer', 'supervisor', 'gridWorker'],
    ],
    [
      'red.panelMediation',
      ['policeMember', 'judicialMember', 'lawFirmMember', 'courtMember'],
      ['spareCourtMember', 'sparePoliceMember', 'supervisor', 'judicialOfficer'],
    ],
  ])('%s: unmasked for %j, masked for %j', (status, handlers, others) => {
    const c = caseIn(status);
    for (const who of handlers) expect([who, partiesSeenBy(c, who)]).toEqual([who, PARTIES]);
    for (const who of others) expect([who, partiesSeenBy(c, who)]).toEqual([who, MASKED]);
  });

  it('after an agreement, the handler of the tier that reached it keeps the numbers', () => {
    const yellow = caseIn('agreed', { tier: 'yellow' });
    expect(partiesSeenBy(yellow, 'judicialOfficer')).toEqual(PARTIES);
    expect(partiesSeenBy(yellow, 'gridWorker')).toEqual(MASKED);
    const blue = caseIn('followUp');
    expect(partiesSeenBy(blue, 'gridWorker')).toEqual(PARTIES);
  });

  it.each(['resolved', 'withdrawn', 'referred_to_litigation', 'agreement_not_performed'] as const)(
    'a case closed as %s is masked for everyone, its former handler too',
    (outcome) => {
      const c = closedCase(outcome);
      expect(c.status).toBe('closed');
      for (const who of Object.keys(ACTORS) as ActorName[]) {
        expect([who, partiesSeenBy(c, who)]).toEqual([who, MASKED]);
      }
    },
  );

  it('masks by the closed status of the row even if the snapshot would name a handler', () => {
    const c = caseIn('blue.mediating');
    const closedRow = rowOf(c, { status: 'closed' });
    expect(toDisputeView(closedRow, ACTORS.gridWorker).parties).toEqual(MASKED);
  });

  it('does not change the stored parties when it masks them', () => {
    const row = rowOf(caseIn('blue.mediating'));
    toDisputeView(row, ACTORS.supervisor);
    expect(row.parties).toEqual(PARTIES);
  });

  it('adds no number a party does not have', () => {
    const view = toDisputeView(rowOf(caseIn('blue.mediating')), ACTORS.supervisor);
    expect(Object.keys(view.parties[1]).sort()).toEqual(['id', 'name', 'role']);
    expect(Object.keys(view.parties[0]).sort()).toEqual([
      'id',
      'idNumber',
      'name',
      'phone',
      'role',
    ]);
  });
});

describe('toDisputeView: the rest of the case', () => {
  it('lists the running clocks but not the reminders, soonest first', () => {
    const c = caseIn('agreed');
    const kinds = c.context.timers.map((t) => t.kind);
    expect(kinds).toEqual(expect.arrayContaining(['confirmation_reminder']));
    const deadlines = deadlinesOf(c.state);
    expect(deadlines.map((d) => d.kind)).not.toContain('reminder');
    expect(deadlines.map((d) => d.kind)).not.toContain('confirmation_reminder');
    expect(deadlines.length).toBe(
      c.context.timers.filter((t) => t.kind !== 'reminder' && t.kind !== 'confirmation_reminder')
        .length,
    );
    const dues = deadlines.map((d) => d.dueAt);
    expect([...dues].sort()).toEqual(dues);
    for (const d of deadlines) {
      const timer = c.context.timers.find((t) => t.id === d.timerId)!;
      expect(d).toEqual({
        timerId: timer.id,
        kind: timer.kind,
        dueAt: timer.dueAt,
        state: timer.scope,
      });
    }
  });

  it('gives the soonest timer that moves the case as the next deadline', () => {
    const c = caseIn('blue.mediating');
    const moving = c.context.timers
      .filter((t) => t.fires !== null)
      .map((t) => t.dueAt)
      .sort();
    expect(nextDeadlineOf(c.state)?.toISOString()).toBe(moving[0]);
    const reminder = c.context.timers.find((t) => t.kind === 'reminder')!;
    expect(Date.parse(reminder.dueAt)).toBeLessThan(Date.parse(moving[0]));
    expect(nextDeadlineOf(caseIn('closed').state)).toBeNull();
  });

  it('copies the row and the workflow context into the view', () => {
    const c = caseIn('yellow.jointReview');
    const view = toDisputeView(rowOf(c), ACTORS.supervisor);
    expect(view).toMatchObject({
      id: 'case-1',
      reference: 'TC-2025-000001',
      status: 'yellow.jointReview',
      tier: 'yellow',
      officerId: ACTORS.judicialOfficer.id,
      lawyerId: ACTORS.lawyer.id,
      createdAt: at.toISOString(),
      closedAt: null,
      nextDeadlineAt: nextDeadlineOf(c.state)?.toISOString(),
    });
    const closed = toDisputeView(rowOf(closedCase('withdrawn')), ACTORS.supervisor);
    expect(closed).toMatchObject({
      closedAt: at.toISOString(),
      deadlines: [],
      nextDeadlineAt: null,
    });
  });
});

describe('toDisputeView: clocks and defaults a list would show wrongly', () => {
  /** The case's state with its timers replaced. */
  const withTimers = (c: Case, timers: Case['context']['timers']) => ({
    ...c.state,
    context: { ...c.state.context, timers },
  });

  it('leaves out the plain reminders too, not only the confirmation reminders', () => {
    const c = caseIn('blue.mediating');
    expect(c.context.timers.map((t) => t.kind)).toContain('reminder');
    expect(deadlinesOf(c.state).map((d) => d.kind)).toEqual(['deadline']);
  });

  it('says which clocks count working time, and warns when a year had no calendar', () => {
    const c = caseIn('blue.mediating');
    const [deadline] = c.context.timers.filter((t) => t.kind === 'deadline');
    const counted = { ...deadline, working: { from: deadline.dueAt, ms: 1 } };
    expect(deadlinesOf(withTimers(c, [counted]))).toEqual([
      expect.objectContaining({ timerId: deadline.id, countedIn: 'working_time' }),
    ]);
    expect(deadlinesOf(withTimers(c, [counted]))[0]).not.toHaveProperty('calendarWarning');
    const guessed = { ...counted, working: { ...counted.working, fallbackYears: [2031, 2032] } };
    expect(deadlinesOf(withTimers(c, [guessed]))[0]).toMatchObject({
      countedIn: 'working_time',
      calendarWarning: 'no business calendar for 2031, 2032: counted in calendar days',
    });
  });

  it('finds the soonest deadline whatever order the timers are stored in', () => {
    const c = caseIn('blue.mediating');
    const [deadline] = c.context.timers.filter((t) => t.kind === 'deadline');
    const later = { ...deadline, id: 'later', dueAt: '2031-01-02T00:00:00.000Z' };
    const sooner = { ...deadline, id: 'sooner', dueAt: '2031-01-01T00:00:00.000Z' };
    expect(nextDeadlineOf(withTimers(c, [later, sooner]))?.toISOString()).toBe(sooner.dueAt);
    expect(nextDeadlineOf(withTimers(c, [sooner, later]))?.toISOString()).toBe(sooner.dueAt);
  });

  it('reads a case stored before the law records and the private flag as "not required", "not private"', () => {
    const c = caseIn('blue.mediating');
    const older: Partial<Case['context']> = { ...c.state.context };
    delete older.policeReportRequired;
    const row = rowOf(c, { snapshot: { ...c.state, context: older as never } });
    const view = toDisputeView(row, ACTORS.gridWorker);
    expect(view.law.policeReportRequired).toBe(false);
    expect(view.private).toBe(false);
    expect(toDisputeView(rowOf(c, { inPrivate: true }), ACTORS.gridWorker).private).toBe(true);
  });
});
