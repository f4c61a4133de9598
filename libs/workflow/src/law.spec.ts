/**
 * The People's Mediation Law (PML), the Ministry of Justice's 2002 rules and the cases the
 * review (../shared/research/legal-review.md) found the statechart getting wrong. Each test names
 * the article it holds the machine to; docs/law.md explains the changes.
 */
import { POLICE_REPORT_INDICATORS } from './domain';
import { MACHINE_VERSION } from './machine';
import { assessRisk, DEFAULT_INDICATORS, DEFAULT_TRIAGE_POLICY } from './triage';
import { migrateWorkflow } from './migrate';
import { restore, step, type PersistedWorkflow } from './engine';
import { statusOf } from './status';
import {
  ACTORS,
  ALL_PARTY_IDS,
  Case,
  LI,
  SCREENED_OUT,
  WANG,
  caseIn,
  closedCase,
} from './testing/fixtures';

describe('PML Arts. 3, 17, 23 and 2002 rules Art. 30: voluntariness', () => {
  it('Art. 17: intake records each party’s consent (application, or no objection) and the rights notice', () => {
    const c = new Case('blue', { input: { source: 'party_application' } });
    expect(c.context.source).toBe('party_application');
    expect(c.context.consents.map((x) => [x.partyId, x.form, x.tier, x.recordedBy])).toEqual([
      [WANG.id, 'application', 'blue', ACTORS.gridWorker.id],
      [LI.id, 'no_objection', 'blue', ACTORS.gridWorker.id],
    ]);
    expect(c.context.rightsNotices).toEqual([
      { tier: 'blue', givenBy: ACTORS.gridWorker.id, how: 'oral', at: c.now },
    ]);
  });

  it('Art. 17: mediation the committee starts itself records that nobody objected', () => {
    const c = new Case('blue');
    expect(c.context.source).toBe('grid_worker');
    expect(c.context.consents.every((x) => x.form === 'no_objection')).toBe(true);
  });

  it('Arts. 17, 23: escalation still routes the case; the receiving body records consent when it accepts', () => {
    const c = caseIn('blue.mediating');
    c.fire('deadline');
    expect(c.status).toBe('yellow.awaitingAcceptance');
    c.send(
      'ACCEPT',
      { consentingPartyIds: [WANG.id], rightsNoticeHow: 'written' },
      ACTORS.judicialOfficer,
    );
    const yellow = c.context.consents.filter((x) => x.tier === 'yellow');
    expect(yellow.map((x) => [x.partyId, x.form, x.recordedBy])).toEqual([
      [WANG.id, 'consent', ACTORS.judicialOfficer.id],
      [LI.id, 'no_objection', ACTORS.judicialOfficer.id],
    ]);
    expect(c.context.rightsNotices.at(-1)).toMatchObject({ tier: 'yellow', how: 'written' });
  });

  it('Arts. 17, 26: a party who refuses the receiving body ends mediation with the Art. 26 notice', () => {
    const c = caseIn('yellow.awaitingAcceptance');
    c.send('RECORD_REFUSAL', { noticeHow: 'written' }, ACTORS.judicialOfficer);
    expect(c.view.outcome).toBe('refused');
    expect(c.context.routesNotice).toEqual({
      givenBy: ACTORS.judicialOfficer.id,
      how: 'written',
      at: c.now,
      routes: ['arbitration', 'administrative', 'litigation'],
      referredTo: null,
    });
  });

  it('Art. 17 and 2002 rules Art. 30: no agreement without every party’s consent and the rights notice at this tier', () => {
    // Opened at yellow and sent down: the grid worker has no consent of their own yet.
    const c = caseIn('yellow.jointReview');
    c.send('DOWNGRADE', {}, ACTORS.judicialOfficer);
    expect(c.status).toBe('blue.mediating');
    expect(c.refusal('REACH_AGREEMENT', {}, ACTORS.gridWorker)).toMatch(
      /no consent to mediation at blue is recorded for Wang Fang \(party-wang\), Li Wei \(party-li\)/,
    );
    c.send('RECORD_CONSENT', { partyIds: [...ALL_PARTY_IDS], form: 'consent' }, ACTORS.gridWorker);
    expect(c.send('REACH_AGREEMENT', {}, ACTORS.gridWorker).status).toBe('agreed');
  });

  it('Art. 17: RECORD_CONSENT names parties only and a known form', () => {
    const c = caseIn('blue.mediating');
    expect(c.refusal('RECORD_CONSENT', { partyIds: ['party-x'] })).toMatch(/not a party: party-x/);
    expect(c.refusal('RECORD_CONSENT', { form: 'silence' as never })).toMatch(
      /form must be one of/,
    );
  });
});

describe('PML Art. 26 and Art. 3(3): ending without agreement', () => {
  it.each([
    'withdrawn',
    'refused',
    'transferred',
    'referred_to_litigation',
    'other_route',
  ] as const)('Art. 26: a closure %s records who gave the notice and how', (outcome) => {
    const c = closedCase(outcome);
    const notice = c.context.routesNotice;
    expect(notice?.givenBy).toBe(c.last?.state.context.routesNotice?.givenBy);
    expect(notice?.givenBy).toMatch(/^u-/);
    expect(['oral', 'written']).toContain(notice?.how);
    expect(notice?.routes.length).toBeGreaterThan(0);
  });

  it('Art. 26: a resolved case records no such notice', () => {
    expect(closedCase('resolved').context.routesNotice).toBeNull();
  });

  it('Art. 26: a transfer names the body the parties are told of', () => {
    const c = caseIn('blue.mediating');
    c.send('TRANSFER');
    expect(c.context.routesNotice?.referredTo).toBe('district housing bureau');
  });

  it.each([
    'blue.mediating',
    'yellow.awaitingAcceptance',
    'yellow.jointReview',
    'red.convening',
    'red.panelMediation',
  ] as const)(
    'Art. 3(3): the parties may choose another route at %s (outcome other_route)',
    (status) => {
      const c = caseIn(status);
      c.send('CHOOSE_OTHER_ROUTE', { route: 'litigation' }, ACTORS.supervisor);
      expect([c.status, c.view.outcome, c.context.otherRoute]).toEqual([
        'closed',
        'other_route',
        'litigation',
      ]);
      expect(c.context.routesNotice?.routes).toEqual(['litigation']);
      expect(c.context.timers).toEqual([]);
    },
  );
});

describe('2002 rules Arts. 22, 24 and PML Art. 18: screening and source at intake', () => {
  it('Arts. 22, 24: a dispute already before a court is not accepted, with the body named', () => {
    const c = new Case('blue', { input: { notAccepted: SCREENED_OUT, source: 'hotline_12345' } });
    expect([c.status, c.view.outcome]).toEqual(['closed', 'not_accepted']);
    expect(c.context.screening).toEqual({
      ground: 'before_court',
      referredTo: 'Laoshan District People’s Court',
      note: 'Li Wei has already sued over the ceiling',
    });
    expect(c.context.routesNotice).toMatchObject({
      givenBy: ACTORS.gridWorker.id,
      how: 'written',
      referredTo: 'Laoshan District People’s Court',
    });
    expect(c.context.timers).toEqual([]);
    expect(c.context.consents).toEqual([]);
    expect(c.context.source).toBe('hotline_12345');
  });
});

describe('PML Art. 25 and 2002 rules Art. 32: the report to the police', () => {
  it('Art. 25: REPORT_TO_POLICE leaves the case where it is, timers and all, and records the report', () => {
    const c = caseIn('yellow.jointReview');
    const timers = c.context.timers;
    c.send('REPORT_TO_POLICE', {}, ACTORS.communityPolice);
    expect(c.status).toBe('yellow.jointReview');
    expect(c.context.timers).toEqual(timers);
    expect(c.context.policeReports).toEqual([
      {
        risk: 'threats',
        reason: 'Li Wei said he would “settle it himself” tonight',
        station: 'Zhonghan police station',
        reportedBy: ACTORS.communityPolice.id,
        at: c.now,
        tier: 'yellow',
      },
    ]);
  });

  it.each(['agreed', 'followUp', 'suspended'] as const)(
    'Art. 25: it may be sent in %s too',
    (s) => {
      const c = caseIn(s);
      c.send('REPORT_TO_POLICE', {}, ACTORS.supervisor);
      expect(c.status).toBe(s);
    },
  );

  it('Art. 25: when triage marks violence or threats, mediation cannot end before the report', () => {
    const c = new Case('blue', { input: { policeReportRequired: true } });
    expect(c.refusal('REACH_AGREEMENT')).toMatch(/report it to the police/);
    expect(c.refusal('WITHDRAW')).toMatch(/Art\. 25/);
    expect(c.refusal('CHOOSE_OTHER_ROUTE')).toMatch(/Art\. 25/);
    // A transfer (to the police among others) is never held back.
    expect(c.attempt('TRANSFER').ok).toBe(true);
    c.send('REPORT_TO_POLICE');
    expect(c.send('REACH_AGREEMENT').status).toBe('agreed');
  });

  it('Art. 25: only the case’s people and the community police may report', () => {
    const c = caseIn('blue.mediating');
    expect(c.refusal('REPORT_TO_POLICE', {}, ACTORS.otherCommunityPolice)).toMatch(
      /only a handler, a community police officer/,
    );
  });
});

const V2_FIELDS = [
  'source',
  'consents',
  'rightsNotices',
  'routesNotice',
  'otherRoute',
  'screening',
  'policeReportRequired',
  'policeReports',
] as const;

describe(`snapshot migration to machine version ${MACHINE_VERSION}`, () => {
  /** What machine version 1 persisted: the version-2 fields absent. */
  function asVersion1(state: PersistedWorkflow): PersistedWorkflow {
    const context: Record<string, unknown> = { ...state.context };
    for (const field of V2_FIELDS) delete context[field];
    return JSON.parse(
      JSON.stringify({ ...state, machineVersion: 1, context }),
    ) as PersistedWorkflow;
  }

  const OLD_STATES = [
    ['blue.mediating', {}],
    ['yellow.awaitingAcceptance', {}],
    ['yellow.jointReview', {}],
    ['red.convening', {}],
    ['red.panelMediation', {}],
    ['agreed', { tier: 'yellow' }],
    ['agreed.judicialConfirmation', {}],
    ['followUp', {}],
    ['suspended', { from: 'red.panelMediation' }],
    ['closed', {}],
  ] as const;

  it.each(OLD_STATES)(
    'a version-1 case in %s keeps its state and its timers',
    (status, options) => {
      const current = caseIn(status, options).state;
      const old = asVersion1(current);
      const migrated = migrateWorkflow(old, MACHINE_VERSION);
      expect(migrated.fromVersion).toBe(1);
      expect(migrated.state.machineVersion).toBe(MACHINE_VERSION);
      expect(statusOf(migrated.state.value)).toBe(status);
      expect(migrated.state.context.timers).toEqual(old.context.timers);
      expect(migrated.state.context.pausedTimers).toEqual(old.context.pausedTimers);
      expect(migrated.state.context.consents).toEqual([]);
      expect(migrated.notes[0]).toMatch(new RegExp(`state ${status.replace('.', '\\.')} kept`));
      // and the engine can step it
      expect(() => restore(migrated.state)).not.toThrow();
    },
  );

  it('a migrated case still mediating must record consent before an agreement (Art. 17)', () => {
    const old = asVersion1(caseIn('blue.mediating').state);
    const migrated = migrateWorkflow(old, MACHINE_VERSION);
    expect(migrated.notes.join(' ')).toMatch(/RECORD_CONSENT/);
    const at = new Date(Date.parse(old.context.timers[0]?.dueAt ?? '') - 60_000).toISOString();
    const agree = step(migrated.state, {
      type: 'REACH_AGREEMENT',
      terms: 'repair the pipe',
      signedByPartyIds: [...ALL_PARTY_IDS],
      actor: ACTORS.gridWorker,
      at,
    });
    expect(agree.ok).toBe(false);
  });

  it('an unknown version is refused', () => {
    const state = { ...caseIn('blue.mediating').state, machineVersion: 0 };
    expect(() => migrateWorkflow(state, MACHINE_VERSION)).toThrow(/cannot be read/);
  });
});

describe('PML Art. 25 and 2002 rules Art. 32: triage', () => {
  const policy = { ...DEFAULT_TRIAGE_POLICY, thresholds: { yellow: 30, red: 60 } };

  it.each(['criminal_risk', 'homicide_risk'])(
    '一票定级: %s makes a case red whatever the score',
    (code) => {
      const result = assessRisk({ indicators: [code] }, policy);
      if (!result.ok) throw new Error(result.message);
      expect(result.assessment.score).toBeLessThan(30);
      expect(result.assessment.suggestedTier).toBe('red');
      expect(result.assessment.decidedBy).toEqual([code]);
      expect(result.assessment.chosenTier).toBe('red');
    },
  );

  it('the indicators practice uses are on the checklist', () => {
    const codes = DEFAULT_INDICATORS.map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'special_care_person',
        'domestic_violence',
        'threat_of_revenge',
        'weapons_or_poison',
        'repeated_110_calls',
        'economic_hardship',
        'sensitive_period',
        'mass_victim_financial',
      ]),
    );
  });

  it('Art. 25: violence, self-harm and threats make the police report required', () => {
    for (const code of ['threat_of_violence', 'threat_of_self_harm', 'threat_of_revenge'])
      expect(POLICE_REPORT_INDICATORS).toContain(code);
    expect(POLICE_REPORT_INDICATORS).not.toContain('legal_complexity');
  });
});
