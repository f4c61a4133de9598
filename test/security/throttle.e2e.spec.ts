import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { disputeBody } from '../support/world';

// Findings 5 (login) and 6 (flood, EXTEND_DEADLINE) of issue 9, with small limits.
describe.each(DRIVERS)('throttling on %s', (driver) => {
  let api: TestApi;
  let admin: string;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi(driver, {
      RUN_WORKER: 'false',
      THROTTLE_LOGIN_ACCOUNT_LIMIT: '3',
      THROTTLE_LOGIN_IP_LIMIT: '30',
      THROTTLE_WRITE_LIMIT: '8',
      THROTTLE_CASE_EVENT_LIMIT: '4',
    });
    admin = await api.login('admin', 'admin-password');
    const post = async (path: string, body: object) => {
      const res = await api.http().post(path).set('Authorization', `Bearer ${admin}`).send(body);
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    await post('/admin/units', { code: 'S1', name: 'S', kind: 'street' });
    await post('/admin/units', { code: 'C1', name: 'C', kind: 'community', parentCode: 'S1' });
    await post('/admin/units', { code: 'G1', name: 'G', kind: 'grid', parentCode: 'C1' });
    for (const username of ['writer', 'flooder', 'extender']) {
      await post('/admin/users', {
        username,
        password: 'password-123',
        displayName: username,
        role: 'grid_worker',
        unitCode: 'G1',
      });
      token[username] = await api.login(username);
    }
  }, 120_000);
  afterAll(() => api?.close());

  const as = (user: string) => ({ Authorization: `Bearer ${token[user]}` });

  it('locks an account after a few failed sign-ins, even for the right password', async () => {
    const attempt = (password: string) =>
      api.http().post('/auth/login').send({ username: 'writer', password });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-password')).status).toBe(401);
    const locked = await attempt('password-123');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('limits writes per user with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      statuses.push((await api.http().post('/auth/refresh').set(as('writer'))).status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses[8]).toBe(429);
    // Reads go on.
    expect((await api.http().get('/disputes').set(as('writer'))).status).toBe(200);
  });

  it('stops a flood of SUSPEND/RESUME on one case', async () => {
    const opened = await api.http().post('/disputes').set(as('flooder')).send(disputeBody());
    const id = (opened.body as { id: string }).id;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const event = i % 2 === 0 ? { type: 'SUSPEND', reason: 'flood' } : { type: 'RESUME' };
      const res = await api.http().post(`/disputes/${id}/events`).set(as('flooder')).send(event);
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  it('caps EXTEND_DEADLINE at EXTEND_DEADLINE_MAX from now', async () => {
    const opened = await api.http().post('/disputes').set(as('extender')).send(disputeBody());
    const id = (opened.body as { id: string }).id;
    const res = await api
      .http()
      .post(`/disputes/${id}/events`)
      .set(as('extender'))
      .send({
        type: 'EXTEND_DEADLINE',
        until: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        reason: 'the parties agree',
        consentingPartyIds: ['p1', 'p2'],
      });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toMatch(/until.*EXTEND_DEADLINE_MAX/);
  });

  it('limits sign-ins per address across accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      const res = await api
        .http()
        .post('/auth/login')
        .send({ username: `nobody${i}`, password: 'wrong-password' });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(30);
  });
});
