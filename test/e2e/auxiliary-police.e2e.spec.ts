import { startApi, type TestApi } from '../support/api';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, type World } from '../support/world';

/**
 * Issue 15: auxiliary police mediate blue cases beside the grid worker (the 1+1+2+N+N team),
 * through the API: consent and agreement in their own community, nothing outside it.
 */
describe.each(DRIVERS)('auxiliary police record a blue mediation on %s', (driver) => {
  let api: TestApi;
  let world: World;
  const aux = {} as Record<'auxC1' | 'auxC3', string>;

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
    for (const [username, unitCode] of [
      ['auxC1', 'C1'],
      ['auxC3', 'C3'], // same street S1, another community
    ] as const) {
      const res = await api
        .http()
        .post('/admin/users')
        .set('Authorization', `Bearer ${world.token.admin}`)
        .send({
          username,
          password: 'password-123',
          displayName: username,
          role: 'auxiliary_police',
          unitCode,
        });
      expect(res.status).toBe(201);
      aux[username] = await api.login(username);
    }
  }, 120_000);
  afterAll(() => api?.close());

  const { open, send } = worldClient(
    () => api,
    () => world,
  );
  const asAux = (who: keyof typeof aux) => ({
    get: (path: string) => api.http().get(path).set('Authorization', `Bearer ${aux[who]}`),
    post: (path: string, body: object) =>
      api.http().post(path).set('Authorization', `Bearer ${aux[who]}`).send(body),
  });
  const agreement = {
    type: 'REACH_AGREEMENT',
    terms: '楼上三日内修好水管',
    signedByPartyIds: ['p1', 'p2'],
  };

  it('records the consent and the agreement of a blue case in their community', async () => {
    const c = await open<{ id: string }>('gw1');
    const allowed = await asAux('auxC1').get(`/disputes/${c.id}/allowed-events`);
    expect(allowed.status).toBe(200);
    expect(allowed.body.allowed).toEqual(
      expect.arrayContaining(['RECORD_CONSENT', 'REACH_AGREEMENT']),
    );
    expect(allowed.body.allowed).not.toContain('ESCALATE');
    const consent = await asAux('auxC1').post(`/disputes/${c.id}/events`, {
      type: 'RECORD_CONSENT',
      partyIds: ['p1', 'p2'],
      form: 'consent',
      rightsNoticeHow: 'oral',
    });
    expect(consent.status).toBe(200);
    const agreed = await asAux('auxC1').post(`/disputes/${c.id}/events`, agreement);
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'agreed', tier: 'blue' });
    // The record names who mediated: the trail keeps the auxiliary police officer's role.
    const trail = await asAux('auxC1').get(`/disputes/${c.id}/events`);
    const last = (trail.body as { type: string; actorRole: string }[]).at(-1);
    expect(last).toMatchObject({ type: 'REACH_AGREEMENT', actorRole: 'auxiliary_police' });
  });

  it('cannot act on a case outside their community (it is not theirs to see)', async () => {
    const c = await open<{ id: string }>('gw1');
    const refused = await asAux('auxC3').post(`/disputes/${c.id}/events`, agreement);
    expect(refused.status).toBe(404);
    const still = await asAux('auxC1').get(`/disputes/${c.id}`);
    expect(still.body.status).toBe('blue.mediating');
  });

  it('is refused once the case is yellow', async () => {
    const c = await open<{ id: string }>('gw1');
    await send('gw1', c.id, { type: 'ESCALATE', reason: '涉及法律问题' });
    const refused = await asAux('auxC1').post(`/disputes/${c.id}/events`, agreement);
    expect(refused.status).toBe(422);
    const allowed = await asAux('auxC1').get(`/disputes/${c.id}/allowed-events`);
    expect(allowed.body.allowed).not.toContain('REACH_AGREEMENT');
  });

  it("GET /map without a street opens the caller's own street (the console has no street code)", async () => {
    const own = await api.http().get('/map').set('Authorization', `Bearer ${world.token.gw1}`);
    expect(own.status).toBe(200);
    expect(own.body.street.code).toBe('S1');
    const admin = await api.http().get('/map').set('Authorization', `Bearer ${world.token.admin}`);
    expect(admin.status).toBe(400);
    expect(JSON.stringify(admin.body)).toMatch(/street/);
  });
});
