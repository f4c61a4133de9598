import {
  AgendaService,
  SendEventService,
  type Agenda,
  type CommunityAgenda,
  type StreetAgenda,
} from '@tricolor/core';
import { AgendaEntity, DisputeEntity, TransactionRunner } from '@tricolor/persistence';
import { startApi, type TestApi } from '../support/api';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, type Username, type World } from '../support/world';

interface Opened {
  id: string;
  reference: string;
  deadlines: { timerId: string; kind: string }[];
}

describe.each(DRIVERS)('the weekly joint-meeting agenda on %s', (driver) => {
  let api: TestApi;
  let world: World;
  // The cases of the scenario, by what happened to them.
  const c: Record<string, Opened> = {};

  // No in-process worker: this suite fires the timers it needs itself.
  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
    await buildScenario();
  }, 120_000);
  afterAll(() => api?.close());

  const client = worldClient(
    () => api,
    () => world,
  );
  const { as, send } = client;
  const open = (user: Username, overrides: object = {}) => client.open<Opened>(user, overrides);

  /** What the timer worker does when a case's deadline passes. */
  async function expireDeadline(opened: Opened): Promise<void> {
    const deadline = opened.deadlines.find((d) => d.kind === 'deadline');
    if (!deadline) throw new Error(`case ${opened.reference} has no deadline`);
    await api.app.get(SendEventService).send({
      actor: { id: 'system', role: 'system' },
      disputeId: opened.id,
      event: { type: 'DEADLINE_EXPIRED', timerId: deadline.timerId },
    });
  }

  async function buildScenario(): Promise<void> {
    c.quiet = await open('gw1');
    c.escalated = await open('gw2', { gridCode: 'G2', title: 'Parking in the fire lane' });
    await send('gw2', c.escalated.id, { type: 'ESCALATE', reason: 'needs legal advice' });
    c.autoEscalated = await open('gw1', { title: 'Noise at night' });
    await expireDeadline(c.autoEscalated);
    c.redOverdue = await open('gw1', { requestedTier: 'red', title: 'Threats over a debt' });
    await expireDeadline(c.redOverdue);
    c.pastDeadline = await open('gw1', { title: 'Wages unpaid' });
    // A deadline passed that no timer has acted on yet (the worker was down).
    await api.app.get(TransactionRunner).run((m) =>
      m.update(DisputeEntity, c.pastDeadline.id, {
        nextDeadlineAt: new Date(Date.now() - 3_600_000),
      }),
    );
    c.settled = await open('gw1');
    await send('gw1', c.settled.id, {
      type: 'REACH_AGREEMENT',
      terms: 'Fix the pipe',
      signedByPartyIds: ['p1', 'p2'],
    });
    await send('gw1', c.settled.id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });
    c.escalatedThenWithdrawn = await open('gw1', { title: 'Dog barking' });
    await send('gw1', c.escalatedThenWithdrawn.id, {
      type: 'ESCALATE',
      reason: 'a lawyer is needed',
    });
    await send('super1', c.escalatedThenWithdrawn.id, {
      type: 'WITHDRAW',
      reason: 'settled privately',
    });
    c.otherStreet = await open('gw3', { gridCode: 'G3', title: 'Street two case' });
    await send('gw3', c.otherStreet.id, { type: 'ESCALATE', reason: 'S2 reasons' });
  }

  const refs = (cases: { reference: string }[]) => cases.map((x) => x.reference).sort();
  const refsOf = (...names: string[]) => names.map((n) => c[n].reference).sort();

  async function agendaOf(user: Username | 'admin', query: string): Promise<Agenda> {
    const res = await as(user).get(`/agenda?${query}`);
    expect(res.status).toBe(200);
    return res.body as Agenda;
  }

  it('builds an agenda on demand when none is stored, and stores it', async () => {
    expect(await api.app.get(AgendaService).latest('C2')).toBeNull();
    const built = await agendaOf('admin', 'unit=C2');
    expect(built).toMatchObject({ kind: 'community', unit: { code: 'C2', name: 'Community two' } });
    const stored = await api.app.get(AgendaService).latest('C2');
    expect(stored?.id).toBe(built.id);
  });

  describe('a community agenda', () => {
    let agenda: CommunityAgenda;
    beforeAll(async () => {
      agenda = (await agendaOf('super1', 'unit=C1&fresh=true')) as CommunityAgenda;
    });

    it('lists the open cases of the community only, with their deadline', () => {
      expect(agenda.kind).toBe('community');
      expect(refs(agenda.open)).toEqual(
        refsOf('quiet', 'escalated', 'autoEscalated', 'redOverdue', 'pastDeadline'),
      );
      const quiet = agenda.open.find((x) => x.id === c.quiet.id);
      expect(quiet).toMatchObject({
        title: 'Water leaking into the flat below',
        tier: 'blue',
        status: 'blue.mediating',
        gridCode: 'G1',
        overdue: false,
      });
      expect(Date.parse(quiet!.nextDeadlineAt!)).toBeGreaterThan(Date.now());
      // The hardest cases come first.
      expect(agenda.open[0]?.id).toBe(c.redOverdue.id);
    });

    it('lists the overdue cases: flagged at red, or past a deadline', () => {
      expect(refs(agenda.overdue)).toEqual(refsOf('redOverdue', 'pastDeadline'));
    });

    it('lists the cases escalated this week with who, why and when, automatic ones too', () => {
      // The red case's expired deadline flagged it overdue but raised no tier: not listed.
      expect(refs(agenda.escalated)).toEqual(
        refsOf('escalated', 'autoEscalated', 'escalatedThenWithdrawn'),
      );
      const byId = (id: string) => agenda.escalated.find((e) => e.disputeId === id);
      expect(byId(c.escalated.id)).toMatchObject({
        event: 'ESCALATE',
        fromTier: 'blue',
        toTier: 'yellow',
        automatic: false,
        by: { id: world.id.gw2, role: 'grid_worker', name: 'gw2' },
        reason: 'needs legal advice',
        status: 'yellow.awaitingAcceptance',
      });
      expect(byId(c.autoEscalated.id)).toMatchObject({
        event: 'DEADLINE_EXPIRED',
        fromTier: 'blue',
        toTier: 'yellow',
        automatic: true,
        by: { id: 'system', role: 'system', name: 'system' },
        reason: expect.stringMatching(/blue.mediating deadline passed/),
      });
      // Escalated, then closed: still on the week's list, no longer open.
      expect(byId(c.escalatedThenWithdrawn.id)).toMatchObject({ status: 'closed' });
      const at = Date.parse(byId(c.escalated.id)!.at);
      expect(at).toBeGreaterThan(Date.parse(agenda.escalatedSince));
      expect(at).toBeLessThanOrEqual(Date.parse(agenda.generatedAt));
    });

    it('counts them', () => {
      expect(agenda.counts).toEqual({
        open: 5,
        overdue: 2,
        escalated: 3,
        openByTier: { blue: 2, yellow: 2, red: 1 },
      });
    });

    it('leaves out escalations older than seven days', async () => {
      const nextWeek = new Date(Date.now() + 8 * 86_400_000);
      const later = await api.app.get(AgendaService).build('C1', nextWeek);
      expect(later.kind === 'community' && later.escalated).toEqual([]);
      expect(later.counts.open).toBe(5);
      // Everything with a deadline is overdue by then.
      expect(later.counts.overdue).toBe(5);
      // Dated next week, it would otherwise stay the latest agenda for the rest of the suite.
      await api.app.get(TransactionRunner).run((m) => m.delete(AgendaEntity, later.id));
    });
  });

  it('groups a street agenda per community, every community listed', async () => {
    const agenda = (await agendaOf('super1', 'unit=S1&fresh=true')) as StreetAgenda;
    expect(agenda).toMatchObject({ kind: 'street', unit: { code: 'S1', name: 'Street one' } });
    // C3 has no case: it is listed all the same.
    expect(agenda.communities.map((s) => s.community.code)).toEqual(['C1', 'C3']);
    const [c1, c3] = agenda.communities;
    expect(refs(c1.open)).toHaveLength(5);
    expect(refs(c3.open)).toHaveLength(0);
    expect(c1.counts).toEqual(agenda.counts);
    expect(JSON.stringify(agenda)).not.toContain(c.otherStreet.id);

    const s2 = (await agendaOf('super2', 'unit=S2&fresh=true')) as StreetAgenda;
    expect(s2.communities.map((s) => s.community.code)).toEqual(['C2', 'C4']);
    expect(refs(s2.communities[0].open)).toEqual(refsOf('otherStreet'));
    expect(refs(s2.communities[0].escalated)).toEqual(refsOf('otherStreet'));
  });

  it('answers the stored agenda until a fresh one is asked for', async () => {
    const first = await agendaOf('super1', 'unit=C1&fresh=true');
    expect((await agendaOf('police1', 'unit=C1')).id).toBe(first.id);
    expect((await agendaOf('super1', 'unit=C1&fresh=false')).id).toBe(first.id);

    const late = await open('gw1', { title: 'Opened after the agenda' });
    const stored = (await agendaOf('police1', 'unit=C1')) as CommunityAgenda;
    expect(stored.id).toBe(first.id);
    expect(stored.open.map((x) => x.id)).not.toContain(late.id);

    // Rebuilding is a supervisor's (issue 9): others read the stored agenda.
    expect((await as('police1').get('/agenda?unit=C1&fresh=true')).status).toBe(403);
    const fresh = (await agendaOf('super1', 'unit=C1&fresh=true')) as CommunityAgenda;
    expect(fresh.id).not.toBe(first.id);
    expect(fresh.open.map((x) => x.id)).toContain(late.id);
    expect(Date.parse(fresh.generatedAt)).toBeGreaterThanOrEqual(Date.parse(first.generatedAt));
    expect((await agendaOf('police1', 'unit=C1')).id).toBe(fresh.id);
  });

  it('builds every street and community agenda in the weekly job', async () => {
    const storedFor = (unitCode: string) =>
      api.app.get(TransactionRunner).run((m) => m.countBy(AgendaEntity, { unitCode }));
    const before = await storedFor('C1');
    const summaries = await api.app.get(AgendaService).buildAll();
    expect(summaries.map((s) => [s.unitCode, s.kind])).toEqual([
      ['S1', 'street'],
      ['C1', 'community'],
      ['C3', 'community'],
      ['S10', 'street'],
      ['C10', 'community'],
      ['C11', 'community'],
      ['S2', 'street'],
      ['C2', 'community'],
      ['C4', 'community'],
    ]);
    expect(await storedFor('C1')).toBe(before + 1);
    const c1 = summaries.find((s) => s.unitCode === 'C1');
    const s1 = summaries.find((s) => s.unitCode === 'S1');
    // Cut from one read of the street, the community's figures are the street's here.
    expect(c1?.counts).toEqual(s1?.counts);
    expect(c1?.counts.open).toBe(6);
    const latest = await agendaOf('super1', 'unit=C1');
    expect(latest).toMatchObject({ id: c1?.id, kind: 'community', counts: c1?.counts });
  });

  describe('access', () => {
    it.each<[Username | 'admin', string, number]>([
      ['admin', 'S1', 200],
      ['admin', 'C2', 200],
      ['super1', 'S1', 200],
      ['super1', 'C1', 200],
      ['officer1', 'C1', 200],
      ['police1', 'C1', 200],
      ['super2', 'S2', 200],
      ['super2', 'S1', 403],
      ['super2', 'C1', 403],
      ['officer2', 'S1', 403],
      ['police1', 'S1', 403],
      ['police1', 'C2', 403],
      ['gw1', 'C1', 403],
      ['gw1', 'S1', 403],
      ['lawyer1', 'S1', 403],
      ['pCourt', 'S1', 403],
      ['super1', 'NOPE', 404],
      ['gw1', 'NOPE', 404],
    ])('%s reading the agenda of %s gets %i', async (user, unit, status) => {
      const res = await as(user).get(`/agenda?unit=${unit}`);
      expect(res.status).toBe(status);
      if (status !== 200) expect(res.body).toMatchObject({ statusCode: status });
    });

    it('answers 401 without a token', async () => {
      expect((await api.http().get('/agenda?unit=S1')).status).toBe(401);
    });

    it.each([
      ['a missing unit', '', /unit/],
      ['an empty unit', 'unit=', /unit/],
      ['a grid', 'unit=G1', /unit must be a community or street/],
      ['a bad fresh', 'unit=C1&fresh=maybe', /fresh must be true or false/],
      ['an unknown parameter', 'unit=C1&colour=red', /property colour should not exist/],
    ])('answers %s with a 400 naming the field', async (_name, query, message) => {
      const res = await as('super1').get(`/agenda?${query}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    });
  });
});
