import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type Username, type World } from '../support/world';

describe.each(DRIVERS)('disputes over HTTP on %s', (driver) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startApi(driver);
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  const as = (user: Username | 'admin') => ({
    get: (path: string) => api.http().get(path).set('Authorization', `Bearer ${world.token[user]}`),
    post: (path: string, body?: object | string) => {
      const req = api.http().post(path).set('Authorization', `Bearer ${world.token[user]}`);
      return typeof body === 'string'
        ? req.set('Content-Type', 'application/json').send(body)
        : req.send(body);
    },
  });

  async function open(user: Username = 'gw1', overrides: object = {}) {
    const res = await as(user).post('/disputes', disputeBody(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; status: string; tier: string };
  }

  async function send(user: Username, id: string, event: object, expectStatus = 200) {
    const res = await as(user).post(`/disputes/${id}/events`, event);
    if (res.status !== expectStatus) {
      throw new Error(`${JSON.stringify(event)} -> ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  }

  const fullPanel = () => [
    { userId: world.id.pPolice, institution: 'police_station' },
    { userId: world.id.pJudicial, institution: 'judicial_office' },
    { userId: world.id.pLaw, institution: 'law_firm' },
    { userId: world.id.pCourt, institution: 'court' },
  ];

  it('opens a blue case with its triage and first deadline', async () => {
    const res = await as('gw1').post('/disputes', disputeBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tier: 'blue', status: 'blue.mediating', version: 1 });
    expect(res.body.reference).toMatch(/^TC-\d{8}-[0-9A-F]{8}$/);
    expect(res.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'deadline', state: 'blue.mediating' }),
    ]);
    expect(res.body.riskAssessment.explanation).toMatch(/matched 0 of \d+ indicators/);
  });

  it('settles a blue case on the spot and closes it resolved after a full follow-up', async () => {
    const c = await open();
    const agreed = await send('gw1', c.id, {
      type: 'REACH_AGREEMENT',
      terms: 'Fix the pipe within a week',
      signedByPartyIds: ['p1', 'p2'],
    });
    expect(agreed).toMatchObject({ status: 'agreed', tier: 'blue', version: 2 });
    const closed = await send('gw1', c.id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved', tier: 'blue' });
    const events = await as('gw1').get(`/disputes/${c.id}/events`);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'OPEN',
      'REACH_AGREEMENT',
      'RECORD_FOLLOW_UP',
    ]);
  });

  it('escalates to yellow, is accepted, and returns to joint review on partial performance', async () => {
    const c = await open();
    await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs legal advice' });
    const accepted = await send('officer1', c.id, {
      type: 'ACCEPT',
      officerId: world.id.officer1,
      lawyerId: world.id.lawyer1,
    });
    expect(accepted).toMatchObject({
      status: 'yellow.jointReview',
      tier: 'yellow',
      highestTier: 'yellow',
    });
    // The lawyer now sees the case they are assigned to.
    expect((await as('lawyer1').get(`/disputes/${c.id}`)).status).toBe(200);
    // PML Art. 20: the lawyer advises; the agreement is the judicial officer's decision.
    await send(
      'lawyer1',
      c.id,
      { type: 'REACH_AGREEMENT', terms: 'Pay 500', signedByPartyIds: ['p1', 'p2'] },
      422,
    );
    await send('officer1', c.id, {
      type: 'REACH_AGREEMENT',
      terms: 'Pay 500',
      signedByPartyIds: ['p1', 'p2'],
    });
    const partial = await send('officer1', c.id, {
      type: 'RECORD_FOLLOW_UP',
      performed: 'partial',
    });
    expect(partial).toMatchObject({ status: 'yellow.jointReview', tier: 'yellow' });
    const withdrawn = await send('super1', c.id, {
      type: 'WITHDRAW',
      reason: 'the applicant withdrew',
    });
    expect(withdrawn).toMatchObject({ status: 'closed', outcome: 'withdrawn' });
  });

  it('convenes a red panel only with all four institutions, then refers to litigation', async () => {
    const c = await open('gw1', { requestedTier: 'red' });
    expect(c).toMatchObject({ tier: 'red', status: 'red.convening' });
    const refused = await as('pPolice').post(`/disputes/${c.id}/events`, {
      type: 'CONVENE_PANEL',
      members: fullPanel().slice(0, 3),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.reason).toMatch(/lacks a member from: court/);
    expect(refused.body.allowedEvents).toContain('CONVENE_PANEL');
    await send('pPolice', c.id, { type: 'CONVENE_PANEL', members: fullPanel() });
    const referred = await send('pCourt', c.id, {
      type: 'REFER_TO_LITIGATION',
      reason: 'no agreement possible',
    });
    expect(referred).toMatchObject({
      status: 'closed',
      outcome: 'referred_to_litigation',
      tier: 'red',
    });
  });

  it('records a refusal and tells the parties of the other routes', async () => {
    const c = await open();
    const closed = await send('gw1', c.id, {
      type: 'RECORD_REFUSAL',
      partyId: 'p2',
      note: 'declines mediation',
    });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'refused' });
    const again = await as('gw1').post(`/disputes/${c.id}/events`, {
      type: 'WITHDRAW',
      reason: 'x',
    });
    expect(again.status).toBe(422);
    expect(again.body.reason).toMatch(/closed/);
    expect(again.body.allowedEvents).toEqual([]);
  });

  it('refuses an event the state cannot take with 422, the reason and the allowed events', async () => {
    const c = await open();
    const res = await as('gw1').post(`/disputes/${c.id}/events`, {
      type: 'ACCEPT',
      officerId: world.id.officer1,
      lawyerId: world.id.lawyer1,
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
    expect(res.body.reason).toMatch(/ACCEPT is not possible while the case is blue.mediating/);
    expect(res.body.allowedEvents).toEqual(expect.arrayContaining(['ESCALATE', 'REACH_AGREEMENT']));
  });

  it('lets exactly one of 20 parallel events at one version through; the rest are 409', async () => {
    const c = await open();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as('gw1').post(`/disputes/${c.id}/events`, {
          type: 'EXTEND_DEADLINE',
          expectedVersion: 1,
          until: new Date(Date.now() + (10 + i) * 86_400_000).toISOString(),
          reason: 'parties asked for time',
          consentingPartyIds: ['p1', 'p2'],
        }),
      ),
    );
    const codes = results.map((r) => r.status).sort();
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(19);
    const events = await as('gw1').get(`/disputes/${c.id}/events`);
    expect(events.body).toHaveLength(2);
  });

  it('answers a repeated Idempotency-Key with the first result and writes nothing new', async () => {
    const c = await open();
    const send1 = () =>
      as('gw1')
        .post(`/disputes/${c.id}/events`, { type: 'ESCALATE', reason: 'hard case' })
        .set('Idempotency-Key', 'retry-abc-1');
    const first = await send1();
    const second = await send1();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const events = await as('gw1').get(`/disputes/${c.id}/events`);
    expect(events.body).toHaveLength(2);
  });

  it.each([
    ['malformed JSON', '{"title": ', /malformed JSON/],
    ['an unknown field', { ...disputeBody(), colour: 'red' }, /property colour should not exist/],
    ['a missing field', { ...disputeBody(), title: undefined }, /title/],
    ['a wrong type', { ...disputeBody(), amount: 'lots' }, /amount must be a number/],
    [
      'a bad nested item',
      {
        ...disputeBody(),
        parties: [
          { name: 'A', role: 'x' },
          { name: 'B', role: 'respondent' },
        ],
      },
      /parties\.0\.role/,
    ],
    [
      'an unknown risk indicator',
      { ...disputeBody(), riskIndicators: ['aliens'] },
      /riskIndicators/,
    ],
    ['an unknown grid', { ...disputeBody(), gridCode: 'NOPE' }, /gridCode/],
  ])('answers %s with a 400 naming the field and writes nothing', async (_name, body, message) => {
    const before = await as('admin').get('/disputes');
    const res = await as('gw1').post('/disputes', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(res.body.message)).toMatch(message);
    const after = await as('admin').get('/disputes');
    expect(after.body.total).toBe(before.body.total);
  });

  it('searches title, description and reference, taking % and _ literally', async () => {
    const c = await open('gw1', { title: 'Rent 100% unpaid_now' });
    await open('gw1', { title: 'Rent 1000 unpaid' });
    const hit = await as('gw1').get(`/disputes?text=${encodeURIComponent('100% unpaid_')}`);
    expect(hit.body.items.map((d: { id: string }) => d.id)).toEqual([c.id]);
    const byRef = await as('gw1').get(`/disputes?text=${encodeURIComponent(c.id.slice(0, 8))}`);
    expect(byRef.body.items.map((d: { id: string }) => d.id)).toContain(c.id);
  });

  it('names the field of a bad event payload', async () => {
    const c = await open();
    const res = await as('gw1').post(`/disputes/${c.id}/events`, {
      type: 'ESCALATE',
      reason: 5,
      extra: 1,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(/reason must be a string/);
    expect(JSON.stringify(res.body.message)).toMatch(/property extra should not exist/);
  });

  describe('access', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await open('gw1')).id;
    });

    it.each<[Username | 'admin', number]>([
      ['gw1', 200],
      ['police1', 200],
      ['officer1', 200],
      ['super1', 200],
      ['admin', 200],
      ['gw2', 404],
      ['gw3', 404],
      ['officer2', 404],
      ['super2', 404],
      ['lawyer1', 404],
      ['pCourt', 404],
    ])('%s reading a blue case of grid G1 gets %i', async (user, status) => {
      expect((await as(user).get(`/disputes/${caseId}`)).status).toBe(status);
      expect((await as(user).get(`/disputes/${caseId}/events`)).status).toBe(status);
      const list = await as(user).get('/disputes?pageSize=200');
      expect(list.status).toBe(200);
      const ids = list.body.items.map((d: { id: string }) => d.id);
      expect(ids.includes(caseId)).toBe(status === 200);
    });

    it('answers 401 without a token and 403 for a role the endpoint is not for', async () => {
      expect((await api.http().get(`/disputes/${caseId}`)).status).toBe(401);
      expect((await api.http().get('/disputes')).status).toBe(401);
      expect(
        (await as('gw1').post('/admin/units', { code: 'X', name: 'X', kind: 'street' })).status,
      ).toBe(403);
      expect((await as('officer1').get('/admin/users')).status).toBe(403);
      expect((await as('gw2').post('/disputes', disputeBody({ gridCode: 'G1' }))).status).toBe(403);
    });

    it('names the units to every signed-in user, and to nobody else', async () => {
      expect((await api.http().get('/units')).status).toBe(401);
      const res = await as('gw3').get('/units');
      expect(res.status).toBe(200);
      const byCode = new Map(
        (res.body as { code: string; name: string; parentCode: string | null }[]).map((u) => [
          u.code,
          u,
        ]),
      );
      // Another street's grid too: the console names the place of any case a user may see.
      expect(byCode.get('G1')).toMatchObject({ name: 'Grid one', kind: 'grid', parentCode: 'C1' });
      expect(byCode.get('S2')).toMatchObject({ name: 'Street two', kind: 'street' });
      // Places only: no user, no count of cases.
      expect(Object.keys(byCode.get('G1')!).sort()).toEqual(
        [
          'code',
          'communityCode',
          'createdAt',
          'id',
          'kind',
          'name',
          'parentCode',
          'streetCode',
        ].sort(),
      );
    });

    it('an outsider cannot move a case they cannot see (404), a viewer without the role gets 422', async () => {
      expect(
        (await as('gw2').post(`/disputes/${caseId}/events`, { type: 'ESCALATE', reason: 'x' }))
          .status,
      ).toBe(404);
      const res = await as('police1').post(`/disputes/${caseId}/events`, {
        type: 'ESCALATE',
        reason: 'x',
      });
      expect(res.status).toBe(422);
      expect(res.body.reason).toMatch(/grid worker of grid G1/);
    });

    it('masks phone and ID numbers for anyone not handling the case', async () => {
      const handler = await as('gw1').get(`/disputes/${caseId}`);
      expect(handler.body.parties[0].phone).toBe('13800138000');
      const viewer = await as('officer1').get(`/disputes/${caseId}`);
      expect(viewer.body.parties[0].phone).toBe('*******8000');
      expect(viewer.body.parties[0].idNumber).toBe('**************1234');
    });

    it('tells each caller which events they may send and why not the others', async () => {
      const res = await as('police1').get(`/disputes/${caseId}/allowed-events`);
      expect(res.status).toBe(200);
      // PML Art. 25: the community police may also record a report to the police.
      expect(res.body.allowed).toEqual(['EMERGENCY_ESCALATE', 'REPORT_TO_POLICE']);
      const accept = res.body.events.find((e: { type: string }) => e.type === 'ACCEPT');
      expect(accept.reason).toMatch(/not possible while the case is blue.mediating/);
    });
  });

  it('keeps a hash-chained audit log and reports a row altered in the database', async () => {
    const c = await open();
    await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs a lawyer' });
    const ok = await as('gw1').get(`/disputes/${c.id}/audit/verify`);
    expect(ok.body).toMatchObject({ intact: true, records: 2 });
    const ds = api.app.get(DataSource);
    // The trail is append-only; an owner of the database can lift that (test/security has more).
    await ds.query(
      driver === 'postgres'
        ? 'ALTER TABLE dispute_events DISABLE TRIGGER USER'
        : 'DROP TRIGGER tg_dispute_events_no_update',
    );
    await ds.query(
      driver === 'postgres'
        ? `UPDATE dispute_events SET actor_id = 'someone-else' WHERE dispute_id = $1 AND seq = 2`
        : `UPDATE dispute_events SET actor_id = 'someone-else' WHERE dispute_id = ? AND seq = 2`,
      [c.id],
    );
    const broken = await as('officer1').get(`/disputes/${c.id}/audit/verify`);
    expect(broken.body).toMatchObject({ intact: false, brokenAt: { seq: 2 } });
  });

  it('lands 50 concurrent transitions intact', async () => {
    const cases = [];
    for (let i = 0; i < 50; i++) cases.push(await open());
    const results = await Promise.all(
      cases.map((c) =>
        as('gw1').post(`/disputes/${c.id}/events`, { type: 'ESCALATE', reason: 'busy day' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    for (const c of cases) {
      const verdict = await as('gw1').get(`/disputes/${c.id}/audit/verify`);
      expect(verdict.body).toMatchObject({ intact: true, records: 2 });
      const d = await as('officer1').get(`/disputes/${c.id}`);
      expect(d.body).toMatchObject({ status: 'yellow.awaitingAcceptance', version: 2 });
    }
  }, 60_000);
});
