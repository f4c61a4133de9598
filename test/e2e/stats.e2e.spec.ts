import {
  JurisdictionService,
  OpenDisputeService,
  SendEventService,
  type OpenDisputeCommand,
  type Stats,
} from '@tricolor/core';
import { DisputeEntity, TransactionRunner } from '@tricolor/persistence';
import type { Actor, DomainEvent } from '@tricolor/workflow';
import { startApi, type TestApi } from '../support/api';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { USERS, buildWorld, disputeBody, type Username, type World } from '../support/world';

interface Opened {
  id: string;
  deadlines: { timerId: string; kind: string }[];
}

const HOUR = 3_600_000;

describe.each(DRIVERS)('statistics over HTTP on %s', (driver) => {
  let api: TestApi;
  let world: World;
  // Cases opened over HTTP from here on; the back-dated ones of March 2020 are before it.
  let since: string;

  // No in-process worker: back-dated cases must not have their timers fired at today's date.
  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
    since = new Date().toISOString();
    await openLiveCases();
    await openBackDatedCases();
  }, 120_000);
  afterAll(() => api?.close());

  const client = worldClient(
    () => api,
    () => world,
  );
  const { as, send } = client;
  const open = (user: Username, overrides: object = {}) => client.open<Opened>(user, overrides);

  const agree = (user: Username, id: string) =>
    send(user, id, { type: 'REACH_AGREEMENT', terms: 'Pay 500', signedByPartyIds: ['p1', 'p2'] });

  /**
   * Street S1, opened over HTTP: resolved at blue; escalated, then resolved at yellow; withdrawn;
   * open at blue (and past its deadline); open at red. Street S2: one resolved, one open.
   */
  async function openLiveCases(): Promise<void> {
    const blueResolved = await open('gw1');
    await agree('gw1', blueResolved.id);
    await send('gw1', blueResolved.id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });

    const yellowResolved = await open('gw1');
    await send('gw1', yellowResolved.id, { type: 'ESCALATE', reason: 'needs legal advice' });
    await send('officer1', yellowResolved.id, {
      type: 'ACCEPT',
      officerId: world.id.officer1,
      lawyerId: world.id.lawyer1,
    });
    await agree('officer1', yellowResolved.id); // PML Art. 20: the officer decides
    await send('officer1', yellowResolved.id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });

    const withdrawn = await open('gw1');
    await send('super1', withdrawn.id, { type: 'WITHDRAW', reason: 'the applicant withdrew' });

    const late = await open('gw2', { gridCode: 'G2' });
    await api.app
      .get(TransactionRunner)
      .run((m) =>
        m.update(DisputeEntity, late.id, { nextDeadlineAt: new Date(Date.now() - HOUR) }),
      );
    await open('gw2', { gridCode: 'G2', requestedTier: 'red' });

    const s2Resolved = await open('gw3', { gridCode: 'G3' });
    await agree('gw3', s2Resolved.id);
    await send('gw3', s2Resolved.id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });
    await open('gw3', { gridCode: 'G3' });
  }

  /** Cases with a known history, through the services with their own clock. */
  async function openBackDatedCases(): Promise<void> {
    const T0 = Date.parse('2020-03-02T00:00:00.000Z');
    const at = (hours: number) => new Date(T0 + hours * HOUR);
    const jurisdiction = api.app.get(JurisdictionService);
    const actor = (user: Username) => jurisdiction.actorFor({ id: world.id[user], ...USERS[user] });
    const system: Actor = { id: 'system', role: 'system' };
    const opening = api.app.get(OpenDisputeService);
    const sending = api.app.get(SendEventService);
    const openAt = async (hours: number, overrides: object = {}) =>
      opening.open(await actor('gw1'), disputeBody(overrides) as OpenDisputeCommand, at(hours));
    const sendAt = async (who: Actor | Username, id: string, hours: number, event: DomainEvent) =>
      sending.send({
        actor: typeof who === 'string' ? await actor(who) : who,
        disputeId: id,
        event,
        at: at(hours),
      });

    // 72 h at blue until the deadline escalates it, then 96 h at yellow until resolved.
    const escalated = await openAt(0);
    const deadline = escalated.deadlines.find((d) => d.kind === 'deadline')!;
    await sendAt(system, escalated.id, 72, { type: 'DEADLINE_EXPIRED', timerId: deadline.timerId });
    await sendAt('officer1', escalated.id, 96, {
      type: 'ACCEPT',
      officerId: world.id.officer1,
      lawyerId: world.id.lawyer1,
    });
    await sendAt('officer1', escalated.id, 120, {
      type: 'REACH_AGREEMENT',
      terms: 'Pay 500',
      signedByPartyIds: ['p1', 'p2'],
    });
    await sendAt('officer1', escalated.id, 168, { type: 'RECORD_FOLLOW_UP', performed: 'full' });

    // 48 h at blue, resolved there.
    const settled = await openAt(0);
    await sendAt('gw1', settled.id, 24, {
      type: 'REACH_AGREEMENT',
      terms: 'Fix the pipe',
      signedByPartyIds: ['p1', 'p2'],
    });
    await sendAt('gw1', settled.id, 48, { type: 'RECORD_FOLLOW_UP', performed: 'full' });

    // 6 h at blue, withdrawn.
    const withdrawn = await openAt(10);
    await sendAt('super1', withdrawn.id, 16, { type: 'WITHDRAW', reason: 'settled privately' });

    // 10 h at red, withdrawn.
    const red = await openAt(1, { requestedTier: 'red' });
    await sendAt('super1', red.id, 11, { type: 'WITHDRAW', reason: 'settled privately' });
  }

  async function stats(user: Username | 'admin', query = ''): Promise<Stats> {
    const res = await as(user).get(`/stats?${query}`);
    if (res.status !== 200)
      throw new Error(`stats ${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Stats;
  }
  const live = () => `from=${encodeURIComponent(since)}`;

  it('counts per tier, status and outcome for a street supervisor', async () => {
    const s = await stats('super1', live());
    expect(s).toMatchObject({ unit: null, from: since, to: null, total: 5, open: 2, closed: 3 });
    expect(s.byTier.blue).toMatchObject({ total: 3, open: 1, closed: 2 });
    expect(s.byTier.blue.outcomes).toMatchObject({ resolved: 1, withdrawn: 1 });
    expect(s.byTier.yellow).toMatchObject({ total: 1, open: 0, closed: 1 });
    expect(s.byTier.yellow.outcomes.resolved).toBe(1);
    expect(s.byTier.red).toMatchObject({ total: 1, open: 1, closed: 0 });
    expect(s.byStatus).toMatchObject({ closed: 3, 'blue.mediating': 1, 'red.convening': 1 });
    expect(s.byOutcome).toEqual({
      resolved: 2,
      withdrawn: 1,
      refused: 0,
      referred_to_litigation: 0,
      transferred: 0,
      agreement_not_performed: 0,
      not_accepted: 0,
      other_route: 0,
      settled_by_parties: 0,
    });
  });

  it('shares the resolved cases by the tier that settled them', async () => {
    const s = await stats('super1', live());
    expect(s.settled).toEqual({
      resolved: 2,
      atTier: {
        blue: { count: 1, share: 0.5 },
        yellow: { count: 1, share: 0.5 },
        red: { count: 0, share: 0 },
      },
      withoutEscalation: { count: 1, share: 0.5 },
    });
  });

  it('counts the overdue cases: flagged, or past a deadline', async () => {
    const s = await stats('super1', live());
    expect(s.overdue).toBe(1);
    expect(s.byTier.blue.overdue).toBe(1);
  });

  it('measures time spent per tier from the audit trail', async () => {
    const s = await stats('super1', live());
    // The four blue cases, one of which moved on to yellow; the red one is still open.
    expect(s.timePerTier.blue.cases).toBe(4);
    expect(s.timePerTier.yellow.cases).toBe(1);
    expect(s.timePerTier.red.cases).toBe(1);
    for (const tier of ['blue', 'yellow', 'red'] as const) {
      expect(s.timePerTier[tier].averageHours).toBeGreaterThan(0);
      expect(s.timePerTier[tier].medianHours).toBeGreaterThan(0);
    }
  });

  it('computes exact hours, mean and median, for a known history', async () => {
    const s = await stats('admin', 'from=2020-03-01&to=2020-04-01');
    expect(s).toMatchObject({ total: 4, open: 0, closed: 4 });
    // Blue: 72, 48 and 6 hours; yellow: 96; red: 10.
    expect(s.timePerTier.blue.cases).toBe(3);
    expect(s.timePerTier.blue.averageHours).toBeCloseTo(42, 4);
    expect(s.timePerTier.blue.medianHours).toBeCloseTo(48, 4);
    expect(s.timePerTier.yellow).toMatchObject({ cases: 1 });
    expect(s.timePerTier.yellow.averageHours).toBeCloseTo(96, 4);
    expect(s.timePerTier.yellow.medianHours).toBeCloseTo(96, 4);
    expect(s.timePerTier.red.averageHours).toBeCloseTo(10, 4);
    expect(s.settled).toMatchObject({
      resolved: 2,
      atTier: { blue: { count: 1, share: 0.5 }, yellow: { count: 1, share: 0.5 } },
      withoutEscalation: { count: 1, share: 0.5 },
    });
    expect(s.byTier.red.outcomes.withdrawn).toBe(1);
  });

  it('takes the median of an even count as the mean of the middle two', async () => {
    // Without the back-dated red case: blue 72, 48, 6 plus nothing else in [00:00, 01:00).
    const s = await stats('admin', 'from=2020-03-02T00:00:00Z&to=2020-03-02T00:30:00Z');
    expect(s.total).toBe(2);
    expect(s.timePerTier.blue.medianHours).toBeCloseTo(60, 4);
    expect(s.timePerTier.blue.averageHours).toBeCloseTo(60, 4);
  });

  it('narrows to a unit and the period of opening', async () => {
    expect((await stats('admin', `${live()}&unit=S1`)).total).toBe(5);
    expect((await stats('admin', `${live()}&unit=C1`)).total).toBe(5);
    expect((await stats('admin', `${live()}&unit=G2`)).total).toBe(2);
    expect((await stats('admin', `${live()}&unit=S2`)).total).toBe(2);
    expect((await stats('admin', live())).total).toBe(7);
    expect((await stats('admin', 'to=2020-04-01')).total).toBe(4);
    expect((await stats('admin', 'from=2021-01-01&to=2021-02-01')).total).toBe(0);
  });

  it('counts only what the caller may see', async () => {
    const s2 = await stats('super2', live());
    expect(s2.total).toBe(2);
    expect(s2.settled.atTier.blue.count).toBe(1);
    // Asking for another street's unit finds none of its cases.
    expect((await stats('super2', 'unit=S1')).total).toBe(0);
    expect((await stats('super2', 'unit=C1')).total).toBe(0);
    expect((await stats('super2', 'unit=S1')).timePerTier.blue.cases).toBe(0);
    // A grid worker sees their grid: gw1's three live cases and the four back-dated ones.
    expect((await stats('gw1', live())).total).toBe(3);
    expect((await stats('gw1')).total).toBe(7);
    expect((await stats('gw2', live())).total).toBe(2);
    expect((await stats('police1', live())).total).toBe(5);
    // A lawyer sees the cases assigned to them.
    expect((await stats('lawyer1', live())).total).toBe(1);
  });

  it('answers 401 without a token', async () => {
    expect((await api.http().get('/stats')).status).toBe(401);
  });

  it.each([
    ['a bad from', 400, 'from=yesterday', /from must be an ISO 8601/],
    ['a bad to', 400, 'to=2020-13-45', /to must be an ISO 8601/],
    ['from not before to', 400, 'from=2020-03-02&to=2020-03-02', /from must be before to/],
    ['an unknown parameter', 400, 'tier=blue', /property tier should not exist/],
    ['an unknown unit', 404, 'unit=NOPE', /unit NOPE not found/],
  ])('answers %s with %i naming it', async (_name, status, query, message) => {
    const res = await as('super1').get(`/stats?${query}`);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body.message)).toMatch(message);
  });
});
