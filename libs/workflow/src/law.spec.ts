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

  it('Art. 17: a consent given at intake is recorded as given; the others, as no objection', () => {
    const c = new Case('blue', { input: { consents: [{ partyId: LI.id, form: 'consent' }] } });
    expect(c.context.consents.map((x) => [x.partyId, x.form])).toEqual([
      [WANG.id, 'no_objection'],
      [LI.id, 'consent'],
    ]);
  });

  it('Art. 17: consent recorded again replaces that party’s record at this tier only', () => {
    const c = caseIn('blue.mediating');
    const summary = () => c.context.consents.map((x) => [x.partyId, x.tier, x.form]);
    // One party: only their blue record is replaced, the other party's stays.
    c.send('RECORD_CONSENT', { partyIds: [WANG.id], form: 'consent' }, ACTORS.gridWorker);
    expect(summary()).toEqual([
      [LI.id, 'blue', 'no_objection'],
      [WANG.id, 'blue', 'consent'],
    ]);
    // Both parties at once: both blue records are replaced, none is kept twice.
    c.send(
      'RECORD_CONSENT',
      { partyIds: [LI.id, WANG.id], form: 'application' },
      ACTORS.gridWorker,
    );
    expect(summary()).toEqual([
      [WANG.id, 'blue', 'application'],
      [LI.id, 'blue', 'application'],
    ]);
    // The receiving body's consent is a new record: the blue ones stay on file.
    c.fire('deadline');
    c.send('ACCEPT', { consentingPartyIds: [LI.id] }, ACTORS.judicialOfficer);
    expect(summary()).toEqual([
      [WANG.id, 'blue', 'application'],
      [LI.id, 'blue', 'application'],
      [WANG.id, 'yellow', 'no_objection'],
      [LI.id, 'yellow', 'consent'],
    ]);
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

  it('Art. 26: a case referred to litigation is told of litigation only, and a follow-up closes with its note', () => {
    const referred = closedCase('referred_to_litigation');
    expect(referred.context.routesNotice).toMatchObject({
      routes: ['litigation'],
      referredTo: null,
    });
    expect(referred.context.closingReason).toBe('Li Wei insists on a court judgement');
    const noted = caseIn('agreed');
    noted.send('RECORD_FOLLOW_UP', { performed: 'full' });
    expect(noted.context.closingReason).toBe('the pipe is fixed and the money paid');
    const unnoted = caseIn('agreed');
    unnoted.send('RECORD_FOLLOW_UP', { performed: 'full', note: undefined });
    expect(unnoted.context.closingReason).toBeNull();
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
    // Never mediated, so never late: no deadline was ever armed.
    expect(c.context.overdue).toBe(false);
  });

  it('Art. 22: screened out without a note, the closing reason names the ground', () => {
    const c = new Case('blue', { input: { notAccepted: { ...SCREENED_OUT, note: null } } });
    expect(c.context.closingReason).toBe('not accepted: before_court');
    expect(c.context.screening?.note).toBeNull();
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

describe('PML Arts. 28–32: the agreement', () => {
  it('Arts. 28–29: a written agreement records its committee, mediators, signatures and seal, and takes effect', () => {
    const c = caseIn('blue.mediating');
    c.send('REACH_AGREEMENT', { facts: 'the pipe leaks', issues: 'who pays the ceiling' });
    expect(c.context.agreement).toMatchObject({
      form: 'written',
      organisation: "people's mediation committee of community C-ZHONGHAN",
      mediatorIds: [ACTORS.gridWorker.id],
      signedByPartyIds: ALL_PARTY_IDS,
      facts: 'the pipe leaks',
      issues: 'who pays the ceiling',
      sealedAt: c.now,
      effectiveAt: c.now,
    });
  });

  it('Art. 29: a written agreement without the committee’s seal is not recorded as in effect', () => {
    expect(caseIn('blue.mediating').refusal('REACH_AGREEMENT', { sealed: false })).toMatch(
      /seal is applied \(PML Art\. 29\)/,
    );
  });

  it('Art. 28: an oral agreement is recorded by the mediator, without signatures', () => {
    const c = caseIn('yellow.jointReview');
    c.send('REACH_AGREEMENT', { form: 'oral', signedByPartyIds: [] }, ACTORS.judicialOfficer);
    expect(c.context.agreement).toMatchObject({
      form: 'oral',
      sealedAt: null,
      mediatorIds: [ACTORS.judicialOfficer.id],
      organisation: "people's mediation committee of street S-LAOSHAN",
    });
  });

  it('Art. 28: an oral agreement records no signatures, even when the parties are named as signing', () => {
    const named = caseIn('blue.mediating');
    named.send('REACH_AGREEMENT', { form: 'oral', signedByPartyIds: [...ALL_PARTY_IDS] });
    expect(named.context.agreement?.signatures).toEqual([]);
    const unnamed = caseIn('blue.mediating');
    unnamed.send('REACH_AGREEMENT', { form: 'oral', signedByPartyIds: undefined });
    expect(unnamed.context.agreement?.signatures).toEqual([]);
  });

  it.each(['WITHDRAW', 'RECORD_REFUSAL'] as const)(
    'Art. 31: %s after the agreement took effect is non-performance, not a closure',
    (type) => {
      const c = caseIn('agreed');
      c.send(type);
      expect(c.status).toBe('followUp');
      expect(c.view.outcome).toBeNull();
      expect(c.context.agreement?.nonPerformance).toHaveLength(1);
      expect(c.context.agreement?.terms).toMatch(/repairs the leaking pipe/);
    },
  );

  it('Art. 31: a suspended case with an agreement in effect is resumed, not withdrawn', () => {
    const c = caseIn('suspended', { from: 'agreed' });
    expect(c.refusal('WITHDRAW')).toMatch(/binds the parties \(PML Art\. 31\)/);
  });

  it('Art. 32: a failed follow-up urges performance; the agreement stays', () => {
    const c = caseIn('followUp');
    c.send('RECORD_FOLLOW_UP', { performed: 'none', next: 'urge' });
    expect(c.status).toBe('followUp');
    expect(c.context.agreement?.urgedAt).toEqual([c.now]);
  });

  it('Art. 32: urging an agreement stored before urging was recorded starts its list', () => {
    const c = caseIn('followUp');
    const agreement = c.context.agreement;
    if (!agreement) throw new Error('no agreement');
    const older = { ...agreement };
    delete older.urgedAt;
    const state = { ...c.state, context: { ...c.context, agreement: older } };
    const r = step(state, c.build('RECORD_FOLLOW_UP', { performed: 'none', next: 'urge' }));
    if (!r.ok) throw new Error(r.reason);
    expect(r.state.context.agreement?.urgedAt).toEqual([c.now]);
  });

  it('Art. 32: otherwise the parties are told they may sue, at any tier', () => {
    const c = caseIn('followUp', { tier: 'blue' });
    c.send('RECORD_FOLLOW_UP', { performed: 'partial', next: 'sue' });
    expect([c.status, c.view.outcome]).toEqual(['closed', 'agreement_not_performed']);
    expect(c.context.routesNotice?.routes).toEqual(['litigation']);
    expect(c.context.agreement).not.toBeNull();
  });

  it('Art. 33(2): a confirmed agreement is enforced by the court that confirmed it', () => {
    const c = caseIn('agreed.judicialConfirmation');
    c.send(
      'RECORD_CONFIRMATION',
      { result: 'confirmed', court: 'Laoshan tribunal', rulingNumber: '(2025)鲁0212民特1号' },
      ACTORS.courtMember,
    );
    c.send('RECORD_FOLLOW_UP', { performed: 'none', next: 'sue' });
    expect(c.context.routesNotice?.referredTo).toBe('enforcement by Laoshan tribunal');
  });

  it('Art. 33(2): the confirming court is the one the application went to, when the ruling names none', () => {
    const named = caseIn('agreed');
    named.send('REQUEST_JUDICIAL_CONFIRMATION', { court: 'Laoshan tribunal' });
    named.send(
      'RECORD_CONFIRMATION',
      { result: 'confirmed', rulingNumber: '1' },
      ACTORS.courtMember,
    );
    expect(named.context.agreement?.result).toMatchObject({
      court: 'Laoshan tribunal',
      note: 'confirmed by the Laoshan tribunal',
    });
    named.send('RECORD_FOLLOW_UP', { performed: 'none', next: 'sue' });
    expect(named.context.routesNotice?.referredTo).toBe('enforcement by Laoshan tribunal');

    const unnamed = caseIn('agreed.judicialConfirmation');
    unnamed.send(
      'RECORD_CONFIRMATION',
      { result: 'confirmed', rulingNumber: '1', note: undefined },
      ACTORS.courtMember,
    );
    expect(unnamed.context.agreement?.result).toMatchObject({ court: null, note: null });
    unnamed.send('RECORD_FOLLOW_UP', { performed: 'none', next: 'sue' });
    expect(unnamed.context.routesNotice?.referredTo).toBe('enforcement by the confirming court');
  });

  it('Art. 31: non-performance records who stopped performing and why', () => {
    const refused = caseIn('agreed');
    refused.send('RECORD_REFUSAL', { partyId: LI.id, note: 'Li Wei will not pay' });
    expect(refused.context.agreement?.nonPerformance).toEqual([
      {
        partyId: LI.id,
        note: 'Li Wei will not pay',
        at: refused.now,
        recordedBy: ACTORS.gridWorker.id,
      },
    ]);
    const withdrawn = caseIn('agreed');
    withdrawn.send('WITHDRAW', { reason: 'the parties fell out again' });
    expect(withdrawn.context.agreement?.nonPerformance).toEqual([
      {
        partyId: null,
        note: 'the parties fell out again',
        at: withdrawn.now,
        recordedBy: ACTORS.gridWorker.id,
      },
    ]);
  });

  it('Art. 33: a party stopping performance goes to follow-up; the window keeps running', () => {
    const stopped = (send: (c: Case) => void) => {
      const c = caseIn('agreed');
      const window = c.context.timers.find((t) => t.kind === 'confirmation_window');
      expect(window).toBeDefined();
      send(c);
      expect(c.status).toBe('followUp');
      expect(c.context.timers.find((t) => t.kind === 'confirmation_window')).toEqual(window);
    };
    stopped((c) => c.send('RECORD_REFUSAL', { partyId: LI.id, note: 'Li Wei will not pay' }));
    stopped((c) => c.send('WITHDRAW', { reason: 'the parties fell out again' }));
  });

  it('Art. 31: re-mediation keeps the old agreement on record', () => {
    const c = caseIn('agreed');
    c.send('RECORD_FOLLOW_UP', { performed: 'partial' });
    expect(c.status).toBe('blue.mediating');
    expect(c.context.agreement).toBeNull();
    expect(c.context.priorAgreements).toHaveLength(1);
  });

  it('next applies only when the agreement was not fully performed', () => {
    expect(caseIn('agreed').refusal('RECORD_FOLLOW_UP', { performed: 'full', next: 'sue' })).toBe(
      'next applies only to an agreement not fully performed',
    );
  });
});

describe('PML Art. 33, CPL Arts. 205–206, 法释〔2011〕5号: judicial confirmation', () => {
  it('Art. 33: the window counts 30 calendar days from the day after the agreement took effect', () => {
    // Agreed at 08:10 on 3 March, China time: the window runs 4 March – 2 April inclusive.
    const c = caseIn('agreed');
    expect(c.context.agreement?.confirmationWindowEndsAt).toBe('2025-04-02T16:00:00.000Z');
  });

  it('Art. 33: a joint application by both sides, to a named court', () => {
    const c = caseIn('agreed');
    expect(c.refusal('REQUEST_JUDICIAL_CONFIRMATION', { applicantPartyIds: [WANG.id] })).toMatch(
      /jointly by both sides/,
    );
    c.send('REQUEST_JUDICIAL_CONFIRMATION', { court: 'Laoshan tribunal' });
    expect(c.context.agreement?.request).toMatchObject({
      court: 'Laoshan tribunal',
      applicantPartyIds: ALL_PARTY_IDS,
    });
  });

  it('法释〔2011〕5号 Art. 4: an oral agreement is refused before sending, with the reason', () => {
    const c = caseIn('blue.mediating');
    c.send('REACH_AGREEMENT', { form: 'oral' });
    expect(c.refusal('REQUEST_JUDICIAL_CONFIRMATION')).toMatch(/oral agreement cannot be/);
  });

  it('法释〔2011〕5号 Art. 4: a personal-status matter is refused before sending', () => {
    const c = new Case('blue', { input: { personalStatus: true } });
    c.send('REACH_AGREEMENT');
    expect(c.refusal('REQUEST_JUDICIAL_CONFIRMATION')).toMatch(/personal-status matter/);
  });

  it('Art. 33: an agreement not made by a mediation organisation on record is refused', () => {
    const c = caseIn('agreed');
    const agreement = c.context.agreement;
    if (!agreement) throw new Error('no agreement');
    const state = {
      ...c.state,
      context: { ...c.context, agreement: { ...agreement, organisation: null } },
    };
    const r = step(state, c.build('REQUEST_JUDICIAL_CONFIRMATION'));
    expect(r.ok ? '' : r.reason).toMatch(/not made by a people’s mediation organisation/);
  });

  it.each([
    ['confirmed', 'confirmed', { rulingNumber: '(2025)鲁0212民特1号' }],
    ['rejected', 'refused', {}],
    ['not_accepted', 'refused', {}],
    ['withdrawn', null, {}],
  ] as const)('CPL Art. 206: the court’s answer %s is recorded', (result, status, extra) => {
    const c = caseIn('agreed.judicialConfirmation');
    c.send(
      'RECORD_CONFIRMATION',
      { confirmed: result === 'confirmed', result, court: 'Laoshan tribunal', ...extra },
      ACTORS.courtMember,
    );
    expect(c.status).toBe('agreed');
    expect(c.context.agreement?.confirmation).toBe(status);
    expect(c.context.agreement?.result).toMatchObject({
      result,
      court: 'Laoshan tribunal',
      rulingNumber: result === 'confirmed' ? '(2025)鲁0212民特1号' : null,
    });
  });

  it('CPL Art. 206: a confirmation records the ruling’s number', () => {
    const c = caseIn('agreed.judicialConfirmation');
    expect(c.refusal('RECORD_CONFIRMATION', { result: 'confirmed' }, ACTORS.courtMember)).toMatch(
      /rulingNumber/,
    );
  });

  it('Art. 33: FOLLOW_UP_DUE does not cut a pending application short', () => {
    const c = caseIn('agreed.judicialConfirmation');
    c.fire('follow_up');
    expect(c.status).toBe('agreed.judicialConfirmation');
    expect(c.context.timers.some((t) => t.kind === 'confirmation_window')).toBe(true);
  });
});

describe('PML Art. 20: the lawyer in the joint review advises', () => {
  it.each([
    ['REACH_AGREEMENT', 'yellow.jointReview'],
    ['WITHDRAW', 'yellow.jointReview'],
    ['RECORD_REFUSAL', 'yellow.jointReview'],
    ['CHOOSE_OTHER_ROUTE', 'yellow.jointReview'],
    ['TRANSFER', 'yellow.jointReview'],
    ['REQUEST_JUDICIAL_CONFIRMATION', 'agreed'],
  ] as const)('%s binds the case: the judicial officer’s, not the lawyer’s', (type, status) => {
    const c = caseIn(status, { tier: 'yellow' });
    expect(c.refusal(type, {}, ACTORS.lawyer)).toMatch(
      /is the judicial officer’s \(PML Art\. 20\)/,
    );
    expect(c.attempt(type, {}, ACTORS.judicialOfficer).ok).toBe(true);
  });

  it('the lawyer still co-mediates: consent, escalation, the report to the police', () => {
    const c = caseIn('yellow.jointReview');
    expect(c.attempt('RECORD_CONSENT', {}, ACTORS.lawyer).ok).toBe(true);
    expect(c.attempt('ESCALATE', {}, ACTORS.lawyer).ok).toBe(true);
    expect(c.attempt('REPORT_TO_POLICE', {}, ACTORS.lawyer).ok).toBe(true);
  });
});

describe('PML Arts. 19, 23: replacing a mediator', () => {
  it('a party asks for the lawyer to be replaced: recorded, and the replacement takes the seat', () => {
    const c = caseIn('yellow.jointReview');
    c.send('REPLACE_MEDIATOR', {}, ACTORS.judicialOfficer);
    expect(c.context.lawyerId).toBe(ACTORS.otherLawyer.id);
    expect(c.context.recusals).toEqual([
      {
        tier: 'yellow',
        replacedUserId: ACTORS.lawyer.id,
        replacementUserId: ACTORS.otherLawyer.id,
        requestedByPartyId: WANG.id,
        reason: 'Wang Fang says the lawyer once acted for Li Wei',
        at: c.now,
        recordedBy: ACTORS.judicialOfficer.id,
      },
    ]);
    expect(c.refusal('ESCALATE', {}, ACTORS.lawyer)).toMatch(/named lawyer/);
  });

  it('the judicial officer is replaced: the replacement takes the officer’s seat, the lawyer keeps theirs', () => {
    const c = caseIn('yellow.jointReview');
    c.send(
      'REPLACE_MEDIATOR',
      {
        replacedUserId: ACTORS.judicialOfficer.id,
        replacementUserId: ACTORS.secondJudicialOfficer.id,
      },
      ACTORS.supervisor,
    );
    expect([c.context.officerId, c.context.lawyerId]).toEqual([
      ACTORS.secondJudicialOfficer.id,
      ACTORS.lawyer.id,
    ]);
  });

  it('a panel member is replaced by one of the same institution and street', () => {
    const c = caseIn('red.panelMediation');
    c.send('REPLACE_MEDIATOR', {}, ACTORS.supervisor);
    expect(c.context.panel.find((m) => m.institution === 'police_station')?.userId).toBe(
      ACTORS.sparePoliceMember.id,
    );
    expect(
      c.refusal(
        'REPLACE_MEDIATOR',
        { replacedUserId: ACTORS.courtMember.id, replacementUserId: ACTORS.lawFirmMember.id },
        ACTORS.supervisor,
      ),
    ).toMatch(/already mediates/);
    expect(
      c.refusal(
        'REPLACE_MEDIATOR',
        { replacedUserId: ACTORS.courtMember.id, replacementUserId: ACTORS.foreignCourtMember.id },
        ACTORS.supervisor,
      ),
    ).toMatch(/may not take this seat: choose one of this case's court panel members/);
  });

  it('only someone mediating the case can be replaced', () => {
    const c = caseIn('yellow.jointReview');
    expect(
      c.refusal('REPLACE_MEDIATOR', { replacedUserId: ACTORS.otherLawyer.id }, ACTORS.supervisor),
    ).toMatch(/is not a mediator of this case/);
  });
});
