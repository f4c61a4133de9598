import request from 'supertest';
import { tokenOf } from '../../apps/api/src/admin/queue-board';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { createTestSqliteDir, type TestSqliteDir } from '../support/databases';
import { TEST_REDIS_URL, testRedisPrefix, wipeRedisPrefix } from '../support/redis';

describe('bull-board at /admin/queues, for admins only', () => {
  let dir: TestSqliteDir;
  let api: ApiProcess;
  let admin: string;
  const prefix = testRedisPrefix();

  beforeAll(async () => {
    dir = await createTestSqliteDir();
    api = await startApiProcess({
      DATA_DIR: dir.dataDir,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
    });
    await api.listening();
    const res = await request(api.url)
      .post('/auth/login')
      .send({ username: 'admin', password: 'admin-password' });
    admin = (res.body as { accessToken: string }).accessToken;
  }, 60_000);
  afterAll(async () => {
    await api?.kill();
    await dir?.drop();
    await wipeRedisPrefix(prefix);
  });

  it('asks a browser for credentials, and refuses a bad token', async () => {
    const anonymous = await request(api.url).get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
    expect(
      (await request(api.url).get('/admin/queues').set('Authorization', 'Bearer nope')).status,
    ).toBe(401);
  });

  it('refuses a user who is not an admin', async () => {
    const h = { Authorization: `Bearer ${admin}` };
    await request(api.url)
      .post('/admin/units')
      .set(h)
      .send({ code: 'S1', name: 'Street', kind: 'street' })
      .expect(201);
    await request(api.url)
      .post('/admin/users')
      .set(h)
      .send({
        username: 'sup',
        password: 'password-123',
        displayName: 'Sup',
        role: 'supervisor',
        unitCode: 'S1',
      })
      .expect(201);
    const login = await request(api.url)
      .post('/auth/login')
      .send({ username: 'sup', password: 'password-123' });
    const sup = (login.body as { accessToken: string }).accessToken;
    expect(
      (await request(api.url).get('/admin/queues').set('Authorization', `Bearer ${sup}`)).status,
    ).toBe(403);
  });

  it('shows the timer queue to an admin, by bearer token or basic auth', async () => {
    const page = await request(api.url)
      .get('/admin/queues')
      .set('Authorization', `Bearer ${admin}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const queues = await request(api.url).get('/admin/queues/api/queues').auth('admin', admin);
    expect(queues.status).toBe(200);
    expect(JSON.stringify(queues.body)).toContain('timers');
  });

  it('reads the token from Bearer or from the Basic password', () => {
    expect(tokenOf('Bearer abc')).toBe('abc');
    expect(tokenOf(`Basic ${Buffer.from('admin:x.y.z').toString('base64')}`)).toBe('x.y.z');
    expect(tokenOf(`Basic ${Buffer.from('admin').toString('base64')}`)).toBeUndefined();
    expect(tokenOf(undefined)).toBeUndefined();
  });
});
