/**
 * Every guard refusal, as the user who sent the event would read it (DESIGN.md §3: "a guard
 * that refuses explains why"). Refusals go through the engine, as the HTTP 422 would.
 */
import type { Actor } from './context';
import type { EventType } from './events';
import { SYSTEM_EVENTS } from './events';
import { coded } from './refusals';
import { RULES, ruleRefusal, whoRefusal } from './rules';
import type { WorkflowEvent } from './events';
import {
  ACTORS,
  at,
  caseIn,
  COMMUNITY,
  DAY,
  event,
  FULL_PANEL,
  GRID,
  LI,
  plus,
  DAY_MS,
  STREET,
  WANG,
  closedCase,
  Case,
  REFS,
} from './testing/fixtures';

/** A sentence a person can act on: words, no leaked programming values, not a stack dump. */
function expectReadable(reason: string): void {
  expect(reason.trim().length).toBeGreaterThan(10);
  expect(reason).not.toMatch(/undefined|\bnull\b|\[object|NaN|Error:|\{|\}/);
  expect(reason.length).toBeLessThan(240);
  expect(reason).toMatch(/^[a-zA-Z]/);
}

describe('wrong role', () => {
  it.each<[string, EventType, Actor, RegExp]>([
    [
      'a grid worker cannot accept for the judicial office',
      'ACCEPT',
      ACTORS.gridWorker,
      /^only a judicial officer of street S-LAOSHAN may accept the case$/,
    ],
    ['a lawyer cannot accept', 'ACCEPT', ACTORS.lawyer, /only a judicial officer/],
    [
      'a grid worker cannot convene the panel',
      'CONVENE_PANEL',
      ACTORS.gridWorker,
      /^only a panel member or supervisor of street S-LAOSHAN may convene the panel$/,
    ],
    [
      'a supervisor does not sign agreements',
      'REACH_AGREEMENT',
      ACTORS.supervisor,
      /^only a grid worker of grid G-ZH-01 handles this blue case$/,
    ],
    [
      'community police do not mediate',
      'REACH_AGREEMENT',
      ACTORS.communityPolice,
      /grid worker of grid G-ZH-01/,
    ],
    [
      'an admin administers, it does not handle cases',
      'WITHDRAW',
      ACTORS.admin,
      /^only a grid worker of grid G-ZH-01 handles this blue case \(or a supervisor of street S-LAOSHAN\)$/,
    ],
    [
      'a supervisor cannot record a refusal for the handler',
      'RECORD_REFUSAL',
      ACTORS.supervisor,
      /grid worker/,
    ],
    ['the system does not withdraw cases', 'WITHDRAW', ACTORS.system, /grid worker/],
    [
      'a judicial officer cannot escalate a blue case',
      'ESCALATE',
      ACTORS.judicialOfficer,
      /grid worker of grid G-ZH-01/,
    ],
  ])('%s', (_title, type, actor, expected) => {
    const c = caseIn(
      type === 'CONVENE_PANEL'
        ? 'red.convening'
        : type === 'ACCEPT'
          ? 'yellow.awaitingAcceptance'
          : 'blue.mediating',
    );
    const reason = c.refusal(type, {}, actor);
    expect(reason).toMatch(expected);
    expectReadable(reason);
  });

  it('only panel members refer to litigation, not the supervisor', () => {
    const reason = caseIn('red.panelMediation').refusal(
      'REFER_TO_LITIGATION',
      {},
      ACTORS.supervisor,
    );
    expect(reason).toBe('only the members of the convened panel handle this red case');
  });

  it('only a court member or a supervisor records the court’s confirmation', () => {
    const c = caseIn('agreed.judicialConfirmation', { tier: 'red' });
    for (const actor of [ACTORS.policeMember, ACTORS.gridWorker, ACTORS.judicialOfficer]) {
      const reason = c.refusal('RECORD_CONFIRMATION', {}, actor);
      expect(reason).toBe(
        'only the court member of the panel or a supervisor may record the court’s confirmation',
      );
    }
    expect(c.attempt('RECORD_CONFIRMATION', {}, ACTORS.courtMember).ok).toBe(true);
    expect(c.attempt('RECORD_CONFIRMATION', {}, ACTORS.supervisor).ok).toBe(true);
  });

  it('a convened panel’s own court member records it, not another court member of the street', () => {
    const c = caseIn('agreed.judicialConfirmation', { tier: 'red' });
    expect(c.refusal('RECORD_CONFIRMATION', {}, ACTORS.spareCourtMember)).toBe(
      'only the court member of the panel or a supervisor may record the court’s confirmation',
    );
  });

  it('a court member of the street records confirmation of a blue agreement (there is no panel)', () => {
    const c = caseIn('agreed.judicialConfirmation', { tier: 'blue' });
    expect(c.attempt('RECORD_CONFIRMATION', {}, ACTORS.spareCourtMember).ok).toBe(true);
  });
});

describe('other jurisdiction', () => {
  it.each<[string, string, EventType, Actor, RegExp]>([
    [
      'a grid worker of the neighbouring grid',
      'blue.mediating',
      'REACH_AGREEMENT',
      ACTORS.neighbourGridWorker,
      /only a grid worker of grid G-ZH-01/,
    ],
    [
      'a supervisor of another street',
      'blue.mediating',
      'WITHDRAW',
      ACTORS.foreignSupervisor,
      /\(or a supervisor of street S-LAOSHAN\)/,
    ],
    [
      'a judicial officer of another street',
      'yellow.awaitingAcceptance',
      'ACCEPT',
      ACTORS.foreignJudicialOfficer,
      /judicial officer of street S-LAOSHAN/,
    ],
    [
      'a panel member of another street',
      'red.convening',
      'CONVENE_PANEL',
      ACTORS.foreignCourtMember,
      /of street S-LAOSHAN may convene/,
    ],
    [
      'community police of another community',
      'blue.mediating',
      'EMERGENCY_ESCALATE',
      ACTORS.otherCommunityPolice,
      /community police officer of community C-ZHONGHAN/,
    ],
    [
      'a court member of another street',
      'agreed.judicialConfirmation',
      'RECORD_CONFIRMATION',
      ACTORS.foreignCourtMember,
      /court member of the panel/,
    ],
  ])('%s is refused', (_title, status, type, actor, expected) => {
    const c = caseIn(status as never);
    const reason = c.refusal(type, {}, actor);
    expect(reason).toMatch(expected);
    expectReadable(reason);
  });

  it('names the grid, community and street the case belongs to', () => {
    expect(GRID).toBe(caseIn('blue.mediating').context.location.gridCode);
    const reason = caseIn('blue.mediating').refusal(
      'EMERGENCY_ESCALATE',
      {},
      ACTORS.otherCommunityPolice,
    );
    expect(reason).toBe(
      `only a handler, a community police officer of community ${COMMUNITY} or a supervisor may escalate in an emergency`,
    );
  });

  it('before acceptance any officer of the street handles a yellow case; after, only the named ones', () => {
    const c = caseIn('yellow.awaitingAcceptance');
    expect(c.attempt('ESCALATE', {}, ACTORS.secondJudicialOfficer).ok).toBe(true);
    c.send('ACCEPT', {}, ACTORS.judicialOfficer);
    expect(c.refusal('ESCALATE', {}, ACTORS.secondJudicialOfficer)).toBe(
      `only the accepting judicial officer and the named lawyer handle this yellow case (or a supervisor of street ${STREET})`,
    );
  });
});

describe('the panel (三所一庭)', () => {
  const convene = (members: { userId: string; institution: string }[]) =>
    caseIn('red.convening').refusal('CONVENE_PANEL', { members } as never, ACTORS.supervisor);

  it.each(['police_station', 'judicial_office', 'law_firm', 'court'])(
    'cannot sit without %s',
    (institution) => {
      const reason = convene(FULL_PANEL.filter((m) => m.institution !== institution));
      expect(reason).toBe(
        `the panel lacks a member from: ${institution} (three offices and one court must all sit)`,
      );
    },
  );

  it('lists every missing institution', () => {
    expect(convene([FULL_PANEL[0]])).toBe(
      'the panel lacks a member from: judicial_office, law_firm, court (three offices and one court must all sit)',
    );
  });

  it('needs members', () => {
    expect(convene([])).toBe('the panel has no members');
  });

  // One answer whatever is wrong with the member, never naming what they are (issue 9, finding 7).
  it('takes only panel members, from the institution they belong to, serving this street', () => {
    const swap = (i: number, m: { userId: string; institution: string }) =>
      FULL_PANEL.map((x, j) => (j === i ? m : x));
    const refused = (id: string) =>
      `member ${id} may not sit for court: choose one of this case's court panel members (GET /disputes/:id/candidates)`;
    for (const id of [ACTORS.lawyer.id, ACTORS.policeMember.id, ACTORS.foreignCourtMember.id]) {
      const refusal = convene(swap(3, { userId: id, institution: 'court' }));
      expect(refusal).toBe(refused(id));
      // The id aside, nothing about the member: neither role, institution nor street.
      expect(refusal?.replace(id, '')).not.toMatch(/lawyer|police|street|S\d/);
    }
    expect(convene(swap(0, { userId: 'u-nobody', institution: 'police_station' }))).toMatch(
      /^member u-nobody may not sit for police_station/,
    );
  });
});

describe('acceptance names a real officer and lawyer', () => {
  const accept = (officerId: string, lawyerId: string) =>
    caseIn('yellow.awaitingAcceptance').refusal(
      'ACCEPT',
      { officerId, lawyerId },
      ACTORS.judicialOfficer,
    );
  const noOfficer = (id: string) =>
    `officerId ${id} may not be named: choose one of this case's judicial officers (GET /disputes/:id/candidates)`;
  const noLawyer = (id: string) =>
    `lawyerId ${id} may not be named: choose one of this case's lawyers (GET /disputes/:id/candidates)`;

  it('the officer must be a judicial officer of the street, refused alike whatever they are', () => {
    expect(accept(ACTORS.lawyer.id, ACTORS.lawyer.id)).toBe(noOfficer(ACTORS.lawyer.id));
    expect(accept(ACTORS.foreignJudicialOfficer.id, ACTORS.lawyer.id)).toBe(
      noOfficer(ACTORS.foreignJudicialOfficer.id),
    );
    expect(accept('u-unknown', ACTORS.lawyer.id)).toBe(noOfficer('u-unknown'));
  });

  it('the lawyer must be a lawyer', () => {
    expect(accept(ACTORS.judicialOfficer.id, ACTORS.judicialOfficer.id)).toBe(
      noLawyer(ACTORS.judicialOfficer.id),
    );
    expect(accept(ACTORS.judicialOfficer.id, 'u-unknown')).toBe(noLawyer('u-unknown'));
  });
});

describe('agreements take effect when every party signed (Art. 29)', () => {
  it('names the party who did not sign', () => {
    const reason = caseIn('blue.mediating').refusal('REACH_AGREEMENT', {
      signedByPartyIds: [WANG.id],
    });
    expect(reason).toBe(`not every party signed: missing ${LI.name} (${LI.id})`);
    expectReadable(reason);
  });

  it('names everyone missing when nobody signed', () => {
    expect(caseIn('yellow.jointReview').refusal('REACH_AGREEMENT', { signedByPartyIds: [] })).toBe(
      `not every party signed: missing ${WANG.name} (${WANG.id}), ${LI.name} (${LI.id})`,
    );
  });

  it('refuses a signature from someone who is not a party', () => {
    expect(
      caseIn('blue.mediating').refusal('REACH_AGREEMENT', {
        signedByPartyIds: [WANG.id, LI.id, 'party-zhou'],
      }),
    ).toBe('signedByPartyIds names someone who is not a party: party-zhou');
  });

  it('needs terms and a sensible performance date', () => {
    const c = caseIn('red.panelMediation');
    expect(c.refusal('REACH_AGREEMENT', { terms: ' ' })).toBe('the agreement needs its terms');
    expect(c.refusal('REACH_AGREEMENT', { performanceDueAt: 'next Tuesday' })).toBe(
      'performanceDueAt is not a date',
    );
    expect(c.refusal('REACH_AGREEMENT', { performanceDueAt: at(0) })).toBe(
      'performanceDueAt is in the past',
    );
  });
});

describe('extensions need every party’s consent', () => {
  it('names the party who did not consent', () => {
    const reason = caseIn('yellow.jointReview').refusal('EXTEND_DEADLINE', {
      consentingPartyIds: [LI.id],
    });
    expect(reason).toBe(`not every party consented: missing ${WANG.name} (${WANG.id})`);
  });

  it('must move the deadline later', () => {
    const c = caseIn('blue.mediating');
    const deadline = c.view.timers.find((t) => t.kind === 'deadline')?.dueAt as string;
    expect(c.refusal('EXTEND_DEADLINE', { until: deadline })).toBe(
      `until must be later than the current deadline (${deadline})`,
    );
    expect(c.refusal('EXTEND_DEADLINE', { until: plus(deadline, -DAY_MS) })).toMatch(
      /^until must be later than the current deadline/,
    );
    expect(c.refusal('EXTEND_DEADLINE', { until: 'soon' })).toBe('until is not a date');
    expect(c.refusal('EXTEND_DEADLINE', { reason: '' })).toBe('a reason is required');
  });

  it('an expired red deadline may be extended to any later time, not into the past', () => {
    const c = caseIn('red.convening');
    c.fire('deadline');
    expect(c.refusal('EXTEND_DEADLINE', { until: at(DAY) }, ACTORS.supervisor)).toBe(
      'until must be later than the current deadline',
    );
  });
});

describe('the 30-day window for judicial confirmation', () => {
  it('is refused after the window, naming the date it closed', () => {
    const c = caseIn('agreed', { tier: 'yellow' });
    const ends = c.context.agreement?.confirmationWindowEndsAt as string;
    c.clock(c.minute + 31 * DAY);
    const reason = c.refusal('REQUEST_JUDICIAL_CONFIRMATION');
    expect(reason).toBe(
      `outside the 30-day window: judicial confirmation had to be requested by ${ends}`,
    );
    expectReadable(reason);
  });
});

describe('payload rules', () => {
  it.each<[string, EventType, Record<string, unknown>, string]>([
    ['blue.mediating', 'ESCALATE', { reason: '' }, 'a reason is required'],
    ['yellow.jointReview', 'DOWNGRADE', { reason: '   ' }, 'a reason is required'],
    ['blue.mediating', 'EMERGENCY_ESCALATE', { reason: '' }, 'a reason is required'],
    ['red.panelMediation', 'REFER_TO_LITIGATION', { reason: '' }, 'a reason is required'],
    ['agreed', 'WITHDRAW', { reason: '' }, 'a reason is required'],
    ['followUp', 'TRANSFER', { agency: '' }, 'the receiving agency is required'],
    ['followUp', 'TRANSFER', { reason: '' }, 'a reason is required'],
    ['blue.mediating', 'RECORD_REFUSAL', { partyId: 'party-zhou' }, 'party-zhou is not a party'],
    ['blue.mediating', 'RECORD_REFUSAL', { note: '' }, 'a note on the refusal is required'],
    [
      'agreed.judicialConfirmation',
      'RECORD_CONFIRMATION',
      { confirmed: 'yes' },
      'confirmed must be true or false',
    ],
    [
      'followUp',
      'RECORD_FOLLOW_UP',
      { performed: 'mostly' },
      'performed must be full, partial or none',
    ],
  ])('in %s, %s with %o: "%s"', (status, type, overrides, expected) => {
    const c = caseIn(status as never);
    const actor = type === 'RECORD_CONFIRMATION' ? ACTORS.supervisor : undefined;
    expect(c.refusal(type, overrides as never, actor)).toBe(expected);
  });
});

describe('system events', () => {
  it.each(SYSTEM_EVENTS)('%s from a person is refused, whoever they are', (type) => {
    const c = caseIn(type === 'FOLLOW_UP_DUE' ? 'agreed' : 'blue.mediating');
    for (const actor of [ACTORS.gridWorker, ACTORS.supervisor, ACTORS.admin]) {
      expect(c.refusal(type, {}, actor)).toBe('only the system timers send this event');
    }
    expect(c.attempt(type, {}, ACTORS.system).ok).toBe(true);
  });

  it('a timer id that was never armed is refused in words', () => {
    expect(
      caseIn('blue.mediating').refusal('DEADLINE_EXPIRED', { timerId: 't99' }, ACTORS.system),
    ).toBe('timer t99 is no longer armed: the case has moved on');
  });
});

describe('a closed case', () => {
  it('refuses everything, saying a new linked case is the way forward', () => {
    const c = closedCase('transferred');
    const reason = c.refusal('RESUME', {}, ACTORS.supervisor);
    expect(reason).toBe(
      'the case is closed: RESUME is not possible (open a new case linked to it)',
    );
    expectReadable(reason);
  });
});

describe('RULES table', () => {
  it('every "who" refusal, for every actor in every status, is a readable sentence', () => {
    const statuses = [
      'blue.mediating',
      'yellow.awaitingAcceptance',
      'yellow.jointReview',
      'red.convening',
      'red.panelMediation',
      'agreed',
      'followUp',
    ] as const;
    let refusals = 0;
    for (const status of statuses) {
      const ctx = caseIn(status).context;
      for (const type of Object.keys(RULES) as EventType[]) {
        for (const actor of Object.values(ACTORS)) {
          const reason = whoRefusal(ctx, type, actor);
          if (reason === null) continue;
          refusals++;
          expectReadable(coded(reason).message);
        }
      }
    }
    expect(refusals).toBeGreaterThan(500);
  });

  it('checks who before the payload, so a stranger learns nothing about the payload', () => {
    const ctx = caseIn('blue.mediating').context;
    const e = event(
      'REACH_AGREEMENT',
      { terms: '', signedByPartyIds: [] },
      ACTORS.neighbourGridWorker,
      at(5),
    );
    expect(coded(ruleRefusal(ctx, e) ?? '').message).toBe(
      'only a grid worker of grid G-ZH-01 handles this blue case',
    );
  });
});

describe('voluntariness before an agreement (PML Art. 17, 2002 rules Art. 30)', () => {
  /** The blue case's handler asked whether they may record an agreement, in words. */
  const agreementRefusal = (ctx: ReturnType<typeof caseIn>['context']): string | null => {
    const refused = whoRefusal(ctx, 'REACH_AGREEMENT', ACTORS.gridWorker);
    return refused === null ? null : coded(refused).message;
  };

  it('one party’s consent does not stand for the other’s: the missing one is named', () => {
    const ctx = caseIn('blue.mediating').context;
    expect(agreementRefusal(ctx)).toBeNull();
    const onlyWang = { ...ctx, consents: ctx.consents.filter((c) => c.partyId === WANG.id) };
    expect(agreementRefusal(onlyWang)).toBe(
      `no consent to mediation at blue is recorded for ${LI.name} (${LI.id}) (RECORD_CONSENT, People’s Mediation Law Art. 17)`,
    );
  });

  it('consent without the rights notice at this tier is not enough, nor a notice at another tier', () => {
    const ctx = caseIn('blue.mediating').context;
    const told = 'the parties have not been told their rights and obligations at blue';
    expect(agreementRefusal({ ...ctx, rightsNotices: [] })).toMatch(new RegExp(`^${told} `));
    const elsewhere = ctx.rightsNotices.map((n) => ({ ...n, tier: 'yellow' as const }));
    expect(agreementRefusal({ ...ctx, rightsNotices: elsewhere })).toMatch(new RegExp(`^${told} `));
  });
});

describe('party lists in payloads', () => {
  it('a list of signers that is not a list is refused, naming the field', () => {
    const c = caseIn('blue.mediating');
    expect(c.refusal('REACH_AGREEMENT', { signedByPartyIds: 'everyone' as never })).toBe(
      'signedByPartyIds must list the parties',
    );
    expect(
      c.refusal('REACH_AGREEMENT', { form: 'oral', signedByPartyIds: 'everyone' as never }),
    ).toBe('signedByPartyIds must list the parties');
  });

  it('names every stranger in a list, written or oral agreement alike', () => {
    const c = caseIn('blue.mediating');
    const strangers = [WANG.id, LI.id, 'party-zhou', 'party-zhao'];
    const expected = 'signedByPartyIds names someone who is not a party: party-zhou, party-zhao';
    expect(c.refusal('REACH_AGREEMENT', { signedByPartyIds: strangers })).toBe(expected);
    expect(c.refusal('REACH_AGREEMENT', { form: 'oral', signedByPartyIds: strangers })).toBe(
      expected,
    );
  });
});

describe('notice forms and reception fields are named when wrong', () => {
  it('names the field whose form is unknown', () => {
    expect(
      caseIn('blue.mediating').refusal('WITHDRAW', { noticeHow: 'shouting' as never }),
    ).toMatch(/^noticeHow must be one of: /);
  });

  it('acceptance checks the rights notice form once the consenting parties are fine, and names each field', () => {
    const c = caseIn('yellow.awaitingAcceptance');
    const accept = (payload: Record<string, unknown>) =>
      c.refusal('ACCEPT', payload, ACTORS.judicialOfficer);
    expect(accept({ rightsNoticeHow: 'telepathy' })).toMatch(/^rightsNoticeHow must be one of: /);
    expect(accept({ consentingPartyIds: ['party-zhou'] })).toBe(
      'consentingPartyIds names someone who is not a party: party-zhou',
    );
  });
});

describe('the panel takes panel members only', () => {
  it('refuses someone of the right institution and street who is not a panel member', () => {
    const c = caseIn('red.convening');
    const court = FULL_PANEL.find((m) => m.institution === 'court')!;
    // The same person, registered as something other than a panel member.
    const refs = { ...REFS, [court.userId]: { ...REFS[court.userId], role: 'lawyer' as const } };
    const e = {
      ...event('CONVENE_PANEL', { members: FULL_PANEL }, ACTORS.supervisor, at(5)),
      refs,
    } as WorkflowEvent;
    expect(coded(ruleRefusal(c.context, e)!).code).toBe('MEMBER_NOT_NAMEABLE');
    expect(ruleRefusal(c.context, { ...e, refs: REFS })).toBeNull();
  });
});

describe('oral agreements of represented parties', () => {
  const represented = () =>
    new Case('blue', {
      parties: [
        { ...WANG, representative: { id: 'party-wang-a', name: 'Zhao Lei', kind: 'agent' } },
        LI,
      ],
    });

  it('take the parties and their agents, and name everyone else', () => {
    const c = represented();
    const oral = (signedByPartyIds: unknown) =>
      c.refusal('REACH_AGREEMENT', { form: 'oral', signedByPartyIds } as never);
    expect(oral('everyone')).toBe('signedByPartyIds must list the parties');
    expect(oral(['party-wang-a', 'party-zhou', 'party-zhao'])).toBe(
      'signedByPartyIds names someone who is not a party or a party’s guardian or agent: party-zhou, party-zhao',
    );
    expect(
      c.send('REACH_AGREEMENT', { form: 'oral', signedByPartyIds: ['party-wang-a'] }).status,
    ).toBe('agreed');
  });

  it('need no list at all', () => {
    expect(
      represented().send('REACH_AGREEMENT', { form: 'oral', signedByPartyIds: undefined }).status,
    ).toBe('agreed');
  });
});

describe('how an agreement is recorded (PML Arts. 28-29)', () => {
  it('names the mediators in a list, when it names them at all', () => {
    const c = caseIn('blue.mediating');
    const required = 'mediatorIds must name the mediators (PML Art. 29)';
    expect(c.refusal('REACH_AGREEMENT', { mediatorIds: [] })).toBe(required);
    expect(c.refusal('REACH_AGREEMENT', { mediatorIds: ACTORS.gridWorker.id as never })).toBe(
      required,
    );
    expect(c.attempt('REACH_AGREEMENT', { mediatorIds: [ACTORS.gridWorker.id] }).ok).toBe(true);
  });

  it('is written or oral, and says so when it is neither', () => {
    expect(caseIn('blue.mediating').refusal('REACH_AGREEMENT', { form: 'sung' as never })).toBe(
      'form must be one of: written, oral',
    );
  });

  it('may be due for performance the moment it is reached, not before', () => {
    const c = caseIn('blue.mediating');
    const reachedAt = at(c.minute + 10); // attempt's default gap
    expect(c.attempt('REACH_AGREEMENT', { performanceDueAt: reachedAt }).ok).toBe(true);
    expect(c.refusal('REACH_AGREEMENT', { performanceDueAt: plus(reachedAt, -1) })).toBe(
      'performanceDueAt is in the past',
    );
  });
});

describe('downgrading a yellow case is the judicial officer’s call (event table)', () => {
  it('the named lawyer is told so; any other lawyer is simply not a handler', () => {
    const c = caseIn('yellow.jointReview');
    expect(c.refusal('DOWNGRADE', {}, ACTORS.lawyer)).toBe(
      `only the judicial officer handling this yellow case (or a supervisor of street ${STREET}) may downgrade it, not the lawyer`,
    );
    expect(c.refusal('DOWNGRADE', {}, ACTORS.otherLawyer)).toBe(
      `only the accepting judicial officer and the named lawyer handle this yellow case (or a supervisor of street ${STREET})`,
    );
    expect(c.attempt('DOWNGRADE', {}, ACTORS.judicialOfficer).ok).toBe(true);
  });
});

describe('emergency escalation (PML Art. 25)', () => {
  it('is open to the community police of the case’s community, not of another', () => {
    const c = caseIn('blue.mediating');
    expect(c.attempt('EMERGENCY_ESCALATE', {}, ACTORS.communityPolice).ok).toBe(true);
    for (const actor of [ACTORS.otherCommunityPolice, ACTORS.neighbourGridWorker]) {
      expect(c.refusal('EMERGENCY_ESCALATE', {}, actor)).toBe(
        `only a handler, a community police officer of community ${COMMUNITY} or a supervisor may escalate in an emergency`,
      );
    }
  });
});

describe('consent, other routes and police reports name what is wrong', () => {
  it('RECORD_CONSENT names its parties, each from the case, and a known notice form', () => {
    const c = caseIn('blue.mediating');
    expect(c.refusal('RECORD_CONSENT', { partyIds: [] })).toBe(
      'partyIds must list the consenting parties',
    );
    expect(c.refusal('RECORD_CONSENT', { partyIds: ['party-zhou'] })).toBe(
      'partyIds names someone who is not a party: party-zhou',
    );
    expect(c.refusal('RECORD_CONSENT', { rightsNoticeHow: 'telepathy' as never })).toMatch(
      /^rightsNoticeHow must be one of: /,
    );
  });

  it('CHOOSE_OTHER_ROUTE takes a known route, whatever the notice', () => {
    expect(caseIn('blue.mediating').refusal('CHOOSE_OTHER_ROUTE', { route: 'duel' as never })).toBe(
      'route must be one of: arbitration, administrative, litigation',
    );
  });

  it('REPORT_TO_POLICE takes a known risk, and not from another community’s police', () => {
    const c = caseIn('blue.mediating');
    expect(c.refusal('REPORT_TO_POLICE', { risk: 'rudeness' as never })).toBe(
      'risk must be one of: violence, self_harm, threats, criminal',
    );
    expect(c.refusal('REPORT_TO_POLICE', {}, ACTORS.otherCommunityPolice)).toBe(
      `only a handler, a community police officer of community ${COMMUNITY} or a supervisor may report to the police`,
    );
    expect(c.attempt('REPORT_TO_POLICE', {}, ACTORS.communityPolice).ok).toBe(true);
  });

  it('an extension by working time still needs every party’s consent, in a list', () => {
    const c = caseIn('blue.mediating');
    expect(
      c.refusal('EXTEND_DEADLINE', { until: undefined, by: '3WD', consentingPartyIds: [LI.id] }),
    ).toBe(`not every party consented: missing ${WANG.name} (${WANG.id})`);
    expect(
      c.refusal('EXTEND_DEADLINE', {
        until: undefined,
        by: '3WD',
        consentingPartyIds: 'all' as never,
      }),
    ).toBe('consentingPartyIds must list the parties');
  });
});

describe('replacing a mediator (PML Arts. 19, 23): who leaves, who comes, who asked', () => {
  const seatRefusal = (userId: string, seat: string) =>
    `replacementUserId ${userId} may not take this seat: choose one of this case's ${seat} (GET /disputes/:id/candidates)`;

  it('needs a reason, and a requesting party who is a party', () => {
    const c = caseIn('red.panelMediation');
    const replace = (payload: Record<string, unknown>) =>
      c.refusal('REPLACE_MEDIATOR', payload, ACTORS.supervisor);
    expect(replace({ reason: ' ' })).toBe('a reason is required');
    expect(replace({ requestedByPartyId: 'party-zhou' })).toBe('party-zhou is not a party');
    for (const requestedByPartyId of [undefined, LI.id])
      expect(c.attempt('REPLACE_MEDIATOR', { requestedByPartyId }, ACTORS.supervisor).ok).toBe(
        true,
      );
  });

  it('the officer, the lawyer or a panel member leaves; anyone else is not a mediator', () => {
    const yellow = caseIn('yellow.jointReview');
    expect(
      yellow.attempt(
        'REPLACE_MEDIATOR',
        {
          replacedUserId: ACTORS.judicialOfficer.id,
          replacementUserId: ACTORS.secondJudicialOfficer.id,
        },
        ACTORS.supervisor,
      ).ok,
    ).toBe(true);
    expect(
      yellow.refusal(
        'REPLACE_MEDIATOR',
        { replacedUserId: ACTORS.lawyer.id, replacementUserId: ACTORS.secondJudicialOfficer.id },
        ACTORS.supervisor,
      ),
    ).toBe(seatRefusal(ACTORS.secondJudicialOfficer.id, 'lawyers'));
    const red = caseIn('red.panelMediation');
    expect(red.refusal('REPLACE_MEDIATOR', { replacedUserId: 'u-nobody' }, ACTORS.supervisor)).toBe(
      'u-nobody is not a mediator of this case',
    );
  });

  it('a panel seat goes to a panel member of the same institution, not one already sitting', () => {
    const c = caseIn('red.panelMediation');
    const replace = (replacedUserId: string, replacementUserId: string) =>
      c.refusal('REPLACE_MEDIATOR', { replacedUserId, replacementUserId }, ACTORS.supervisor);
    expect(replace(ACTORS.courtMember.id, ACTORS.sparePoliceMember.id)).toBe(
      seatRefusal(ACTORS.sparePoliceMember.id, 'court panel members'),
    );
    expect(replace(ACTORS.policeMember.id, ACTORS.courtMember.id)).toBe(
      `${ACTORS.courtMember.id} already mediates this case`,
    );
    expect(c.attempt('REPLACE_MEDIATOR', {}, ACTORS.supervisor).ok).toBe(true);
  });
});

describe('judicial confirmation and follow-up name what is wrong', () => {
  it('a request names a malformed list of applicants as such, and a missing applicant', () => {
    const c = caseIn('agreed', { tier: 'yellow' });
    expect(c.refusal('REQUEST_JUDICIAL_CONFIRMATION', { applicantPartyIds: 'both' as never })).toBe(
      'applicantPartyIds must list the parties',
    );
    expect(c.refusal('REQUEST_JUDICIAL_CONFIRMATION', { applicantPartyIds: [WANG.id] })).toBe(
      `judicial confirmation is applied for jointly by both sides (PML Art. 33): not every party applied: missing ${LI.name} (${LI.id})`,
    );
  });

  it('the court’s result is a known one, agrees with "confirmed", and needs no ruling unless confirmed', () => {
    const c = caseIn('agreed.judicialConfirmation', { tier: 'red' });
    const record = (payload: Record<string, unknown>) =>
      c.attempt('RECORD_CONFIRMATION', { confirmed: undefined, ...payload }, ACTORS.supervisor);
    const refused = (payload: Record<string, unknown>) => {
      const result = record(payload);
      return result.ok ? 'accepted' : result.reason;
    };
    expect(refused({ result: 'maybe' })).toBe(
      'result must be one of: not_accepted, withdrawn, confirmed, rejected',
    );
    expect(refused({ result: 'rejected', confirmed: true })).toBe(
      'confirmed (true) contradicts result rejected',
    );
    expect(refused({ result: 'rejected' })).toBe('accepted');
    expect(
      refused({ result: 'confirmed', confirmed: true, rulingNumber: '(2025)鲁0212民特1号' }),
    ).toBe('accepted');
  });

  it('any court member of a panel with two records it; without a panel, only a court panel member of the street', () => {
    const red = caseIn('agreed.judicialConfirmation', { tier: 'red' }).context;
    const twoCourts = {
      ...red,
      panel: [...red.panel, { userId: ACTORS.spareCourtMember.id, institution: 'court' as const }],
    };
    expect(whoRefusal(twoCourts, 'RECORD_CONFIRMATION', ACTORS.courtMember)).toBeNull();
    expect(whoRefusal(twoCourts, 'RECORD_CONFIRMATION', ACTORS.spareCourtMember)).toBeNull();
    const blue = caseIn('agreed.judicialConfirmation', { tier: 'blue' });
    // A court's own staff who are not on the street's panel list, and the police station's member.
    const courtClerk: Actor = {
      id: 'u-court-clerk',
      role: 'lawyer',
      institution: 'court',
      streetCode: STREET,
    };
    for (const actor of [ACTORS.policeMember, courtClerk])
      expect(blue.refusal('RECORD_CONFIRMATION', {}, actor)).toBe(
        'only the court member of the panel or a supervisor may record the court’s confirmation',
      );
  });

  it('a follow-up names an unknown next step', () => {
    expect(
      caseIn('followUp').refusal('RECORD_FOLLOW_UP', { performed: 'none', next: 'pray' as never }),
    ).toBe('next must be one of: urge, sue');
  });
});
