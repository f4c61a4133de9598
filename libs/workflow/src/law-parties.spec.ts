/**
 * Issue 16, the rest of it (machine version 3; docs/law.md): guardians and agents who sign for a
 * party, the outcomes the statistics count, and the Art. 33 window that runs on its own. Each
 * test names the article it holds the machine to.
 */
import type { PartyRef } from './context';
import { restore, step, type PersistedWorkflow } from './engine';
import { MACHINE_VERSION } from './machine';
import { migrateWorkflow } from './migrate';
import { representationProblem } from './representation';
import { statusOf } from './status';
import { ACTORS, Case, LI, WANG, caseIn } from './testing/fixtures';

/** Li Wei's son, sixteen, is the respondent; his father is his guardian. */
const MINOR: PartyRef = {
  id: 'party-xiao',
  name: 'Li Xiao',
  role: 'respondent',
  capacity: 'minor',
  representative: { id: 'party-xiao-g', name: 'Li Wei', kind: 'guardian' },
};
/** Wang Fang appointed her nephew to act for her. */
const REPRESENTED: PartyRef = {
  ...WANG,
  representative: { id: 'party-wang-a', name: 'Zhao Lei', kind: 'agent' },
};

const withWard = () => new Case('blue', { parties: [REPRESENTED, MINOR] });

describe('PML Art. 23 and 民法典 Arts. 19–23: guardians and agents', () => {
  it('民法典 Art. 23: the guardian’s signature is the minor’s; the agreement says who signed for whom', () => {
    const c = withWard();
    c.send('REACH_AGREEMENT', { signedByPartyIds: ['party-wang-a', 'party-xiao-g'] });
    expect(c.status).toBe('agreed');
    expect(c.context.agreement?.signatures).toEqual([
      { partyId: WANG.id, signedBy: 'party-wang-a', as: 'agent' },
      { partyId: MINOR.id, signedBy: 'party-xiao-g', as: 'guardian' },
    ]);
  });

  it('PML Art. 29: a minor’s own signature does not make the agreement; the refusal names the guardian', () => {
    const c = withWard();
    expect(c.refusal('REACH_AGREEMENT', { signedByPartyIds: [WANG.id, MINOR.id] })).toBe(
      'party party-xiao is a minor: their guardian (party-xiao-g) signs for them',
    );
    expect(c.refusal('REACH_AGREEMENT', { signedByPartyIds: [WANG.id] })).toMatch(
      /not every party signed: missing Li Xiao \(party-xiao\)/,
    );
    expect(c.refusal('REACH_AGREEMENT', { signedByPartyIds: [WANG.id, 'party-li-g'] })).toMatch(
      /not a party or a party’s guardian or agent: party-li-g/,
    );
  });

  it('PML Art. 23: a party with an agent may still sign in person', () => {
    const c = withWard();
    c.send('REACH_AGREEMENT', { signedByPartyIds: [WANG.id, 'party-xiao-g'] });
    expect(c.context.agreement?.signatures?.[0]).toEqual({
      partyId: WANG.id,
      signedBy: WANG.id,
      as: 'party',
    });
  });

  it('民法典 Arts. 20–23: a guardian is attached only to a minor or incapacitated party, and every ward has one', () => {
    expect(representationProblem([REPRESENTED, MINOR])).toBeNull();
    expect(
      representationProblem([
        WANG,
        { ...LI, representative: { id: 'x', name: 'Li Qiang', kind: 'guardian' } },
      ]),
    ).toEqual({ index: 1, message: expect.stringMatching(/guardian acts only for a minor/) });
    expect(
      representationProblem([{ ...LI, capacity: 'incapacitated', representative: null }]),
    ).toEqual({
      index: 0,
      message: expect.stringMatching(/without full capacity: name their guardian/),
    });
    expect(
      representationProblem([
        { ...LI, capacity: 'minor', representative: { id: 'x', name: 'Li Qiang', kind: 'agent' } },
      ]),
    ).toEqual({ index: 0, message: expect.stringMatching(/is a minor: name their guardian/) });
  });
});

describe('the outcomes the statistics count (人民调解工作统计)', () => {
  it('PML Art. 23: the parties settling by themselves is its own outcome, apart from a party ending mediation', () => {
    const settled = caseIn('yellow.jointReview');
    settled.send('WITHDRAW', { ground: 'settled_by_parties', reason: 'they paid each other off' });
    expect([settled.status, settled.view.outcome]).toEqual(['closed', 'settled_by_parties']);
    // Nothing is left in dispute: no Art. 26 notice of other routes.
    expect(settled.context.routesNotice).toBeNull();

    const ended = caseIn('yellow.jointReview');
    ended.send('WITHDRAW', { ground: 'party_ended' });
    expect(ended.view.outcome).toBe('withdrawn');
    expect(ended.context.routesNotice?.routes).toEqual([
      'arbitration',
      'administrative',
      'litigation',
    ]);
  });

  it('PML Art. 31: once an agreement is in effect, a “settlement” is not an outcome; its performance is', () => {
    const c = caseIn('agreed');
    expect(c.refusal('WITHDRAW', { ground: 'settled_by_parties' })).toMatch(/RECORD_FOLLOW_UP/);
    expect(c.refusal('WITHDRAW', { ground: 'gave_up' as never })).toBe(
      'ground must be one of: party_ended, settled_by_parties',
    );
  });

  it('PML Art. 29: an agreement reached is recorded apart from its performance and its confirmation', () => {
    const c = caseIn('agreed');
    expect(c.context.agreement?.effectiveAt).toBe(c.now);
    expect(c.view.outcome).toBeNull();
    expect(c.context.agreement?.confirmation).toBeNull();
  });
});

describe('PML Art. 33: the 30-day window runs on its own', () => {
  const windowTimers = (c: Case) =>
    c.context.timers.filter((t) => t.kind.startsWith('confirmation_')).map((t) => t.id);

  it('Art. 33: FOLLOW_UP_DUE from agreed.performing does not end an open window', () => {
    const c = caseIn('agreed');
    const before = windowTimers(c);
    expect(before).toHaveLength(2);
    c.fire('follow_up');
    expect(c.status).toBe('followUp');
    expect(windowTimers(c)).toEqual(before);
    expect(c.last?.cancelled.map((t) => t.id) ?? []).not.toEqual(expect.arrayContaining(before));
  });

  it('Art. 33 with Art. 31: non-performance (WITHDRAW after the agreement) keeps the window too', () => {
    const c = caseIn('agreed');
    const before = windowTimers(c);
    c.send('WITHDRAW');
    expect([c.status, windowTimers(c)]).toEqual(['followUp', before]);
  });

  it('Art. 33: the joint application may be made from followUp while the window runs', () => {
    const c = caseIn('followUp');
    const before = windowTimers(c);
    c.send('REQUEST_JUDICIAL_CONFIRMATION', { court: 'Laoshan tribunal' });
    expect(c.status).toBe('agreed.judicialConfirmation');
    expect(windowTimers(c)).toEqual(before);
    expect(c.context.timers.some((t) => t.kind === 'follow_up')).toBe(false);
  });

  it('Art. 33: after the window the application is refused, from followUp as from agreed', () => {
    const c = caseIn('followUp');
    const end = Date.parse(c.context.agreement?.confirmationWindowEndsAt ?? '');
    c.clock((end - Date.parse(c.now)) / 60_000 + c.minute + 60);
    expect(c.refusal('REQUEST_JUDICIAL_CONFIRMATION')).toMatch(/outside the 30-day window/);
  });

  it('back to mediation after a partial performance, the window’s timers end with the agreement', () => {
    const c = caseIn('followUp');
    c.send('RECORD_FOLLOW_UP', { performed: 'partial' });
    expect(c.status).toBe('blue.mediating');
    expect(windowTimers(c)).toEqual([]);
  });
});

describe(`snapshot migration from machine version 2 to ${MACHINE_VERSION}`, () => {
  /** What machine version 2 persisted: no signatures, and a followUp case without its window. */
  function asVersion2(state: PersistedWorkflow): PersistedWorkflow {
    const old = JSON.parse(JSON.stringify(state)) as PersistedWorkflow;
    const strip = (a: Record<string, unknown> | null) => {
      if (a) delete a.signatures;
    };
    strip(old.context.agreement as never);
    old.context.priorAgreements.forEach((a) => strip(a as never));
    if (statusOf(old.value) === 'followUp')
      old.context.timers = old.context.timers.filter((t) => t.scope !== 'agreed');
    return { ...old, machineVersion: 2 };
  }

  it.each([
    'blue.mediating',
    'yellow.awaitingAcceptance',
    'yellow.jointReview',
    'red.convening',
    'red.panelMediation',
    'agreed',
    'agreed.judicialConfirmation',
    'followUp',
    'suspended',
    'closed',
  ] as const)('a version-2 case in %s keeps its state and timers', (status) => {
    const old = asVersion2(caseIn(status).state);
    const migrated = migrateWorkflow(old, MACHINE_VERSION);
    expect([migrated.fromVersion, migrated.toVersion]).toEqual([2, MACHINE_VERSION]);
    expect(statusOf(migrated.state.value)).toBe(status);
    expect(migrated.state.context.timers).toEqual(old.context.timers);
    expect(migrated.state.context.pausedTimers).toEqual(old.context.pausedTimers);
    expect(migrated.notes[0]).toMatch(new RegExp(`state ${status.replace('.', '\\.')} kept`));
    expect(() => restore(migrated.state)).not.toThrow();
  });

  it('a version-2 agreement was signed by the parties themselves', () => {
    const migrated = migrateWorkflow(asVersion2(caseIn('agreed').state), MACHINE_VERSION);
    expect(migrated.state.context.agreement?.signatures).toEqual([
      { partyId: WANG.id, signedBy: WANG.id, as: 'party' },
      { partyId: LI.id, signedBy: LI.id, as: 'party' },
    ]);
  });

  it('Art. 33: a version-2 followUp case whose window was cut short may still apply until its end', () => {
    const c = caseIn('followUp');
    const migrated = migrateWorkflow(asVersion2(c.state), MACHINE_VERSION);
    expect(migrated.notes.join(' ')).toMatch(/joint application is accepted until/);
    const applied = step(migrated.state, {
      type: 'REQUEST_JUDICIAL_CONFIRMATION',
      actor: ACTORS.gridWorker,
      at: new Date(Date.parse(c.now) + 60_000).toISOString(),
    });
    expect(applied.ok && applied.status).toBe('agreed.judicialConfirmation');
  });
});
