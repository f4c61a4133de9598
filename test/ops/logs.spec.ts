import request from 'supertest';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import type { TestApi } from '../support/api';
import { createTestSqliteDir, type TestSqliteDir } from '../support/databases';
import { TEST_REDIS_URL, testRedisPrefix, wipeRedisPrefix } from '../support/redis';
import { waitFor } from '../support/wait';
import { buildWorld, disputeBody, type World } from '../support/world';

// Personal data that must never reach a log line, in every form the API receives it.
const SECRETS = {
  names: ['欧阳明月', '司马青云', 'Wilhelmina Quixote'],
  phones: ['13712345678', '15987654321'],
  idNumbers: ['11010119900307123X', '440301198512120017'],
};
const PARTIES = [
  {
    name: SECRETS.names[0],
    role: 'applicant',
    phone: SECRETS.phones[0],
    idNumber: SECRETS.idNumbers[0],
  },
  {
    name: SECRETS.names[1],
    role: 'respondent',
    phone: SECRETS.phones[1],
    idNumber: SECRETS.idNumbers[1],
  },
  { name: SECRETS.names[2], role: 'respondent' },
];

type LogLine = Record<string, unknown>;

/** A whole e2e flow through a real API process, its stdout captured. */
describe('structured logs of a real API process', () => {
  let dir: TestSqliteDir;
  let api: ApiProcess;
  let world: World;
  const prefix = testRedisPrefix();

  beforeAll(async () => {
    dir = await createTestSqliteDir();
    api = await startApiProcess({
      DATA_DIR: dir.dataDir,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      DEADLINE_BLUE_MEDIATION: 'PT2S',
      RECONCILE_INTERVAL: 'PT1S',
      LOG_LEVEL: 'debug',
    });
    await api.listening();
    const http = () => request(api.url);
    const client = {
      http,
      async login(username: string, password = 'password-123') {
        const res = await http().post('/auth/login').send({ username, password });
        return (res.body as { accessToken: string }).accessToken;
      },
    } as unknown as TestApi;
    world = await buildWorld(client);
  }, 60_000);
  afterAll(async () => {
    await api?.kill();
    await dir?.drop();
    await wipeRedisPrefix(prefix);
  });

  const as = (user: keyof World['token']) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${world.token[user]}`);
    return {
      get: (path: string) => auth(request(api.url).get(path)),
      post: (path: string, body: object) => auth(request(api.url).post(path).send(body)),
    };
  };

  const lines = (): LogLine[] =>
    api
      .output()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as LogLine);

  it('are JSON with ids on transitions, timer firings and errors, and hold no personal data', async () => {
    // A case opened, searched, refused an event, settled; another left to its deadline.
    const opened = await as('gw1').post('/disputes', disputeBody({ parties: PARTIES }));
    expect(opened.status).toBe(201);
    const id = (opened.body as { id: string }).id;
    await as('gw1')
      .get(`/disputes?text=${encodeURIComponent(SECRETS.names[0] ?? '')}`)
      .expect(200);
    await as('gw1').get(`/disputes/${id}`).expect(200);
    await as('gw1')
      .post(`/disputes/${id}/events`, { type: 'RECORD_FOLLOW_UP', performed: 'full' })
      .expect(422);
    // A bad party (phone not a phone) is a 400: the answer may name the field, the log may not.
    await as('gw1')
      .post(
        '/disputes',
        disputeBody({ parties: [{ ...PARTIES[0], phone: `x${SECRETS.phones[0]}` }] }),
      )
      .expect(400);
    await as('gw1')
      .post(`/disputes/${id}/events`, {
        type: 'REACH_AGREEMENT',
        terms: `pay ${SECRETS.names[1]}`,
        signedByPartyIds: ['p1', 'p2', 'p3'],
      })
      .expect(200);
    const late = await as('gw1').post('/disputes', disputeBody({ parties: PARTIES }));
    const lateId = (late.body as { id: string }).id;
    await waitFor(
      'the deadline to fire',
      () =>
        Promise.resolve(
          lines().some(
            (l) => l.msg === 'timer fired' && l.caseId === lateId && l.kind === 'deadline',
          ),
        ),
      20_000,
    );

    const all = lines();
    const text = api.output();
    for (const secret of [...SECRETS.names, ...SECRETS.phones, ...SECRETS.idNumbers]) {
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
    // A transition over HTTP: request id, user id, case id, event type.
    const agreed = all.find((l) => l.msg === 'transition applied' && l.event === 'REACH_AGREEMENT');
    expect(agreed).toMatchObject({
      level: 'info',
      caseId: id,
      userId: world.id.gw1,
      requestId: expect.any(String),
      from: 'blue.mediating',
      to: 'agreed',
    });
    expect(all.find((l) => l.event === 'OPEN' && l.caseId === id)).toMatchObject({
      msg: 'transition applied',
      userId: world.id.gw1,
      requestId: expect.any(String),
    });
    const refused = all.find((l) => l.msg === 'transition refused');
    expect(refused).toMatchObject({ event: 'RECORD_FOLLOW_UP', caseId: id, userId: world.id.gw1 });
    expect(refused?.requestId).toEqual(expect.any(String));
    // The timer's transition: the job and the case, the system as actor.
    const expired = all.find(
      (l) => l.msg === 'transition applied' && l.event === 'DEADLINE_EXPIRED',
    );
    expect(expired).toMatchObject({ caseId: lateId, jobId: expect.any(String) });
    expect(
      all.find((l) => l.msg === 'timer fired' && l.caseId === lateId && l.kind === 'deadline'),
    ).toMatchObject({
      kind: 'deadline',
      result: 'fired',
      latenessMs: expect.any(Number),
    });
    // Access lines: path without the query, status, the request id echoed to the caller.
    const access = all.filter((l) => l.msg === 'request completed' || l.msg === 'request errored');
    expect(access.length).toBeGreaterThan(5);
    const search = access.find(
      (l) =>
        (l.req as { path?: string }).path === '/disputes' &&
        (l.req as { method?: string }).method === 'GET',
    );
    expect(search).toMatchObject({ res: { statusCode: 200 }, userId: world.id.gw1 });
    const badInput = access.find((l) => (l.res as { statusCode?: number }).statusCode === 400);
    expect(badInput).toMatchObject({ level: 'warn', requestId: expect.any(String) });
  }, 60_000);

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await request(api.url).get('/health/live').set('X-Request-Id', 'lb-1234');
    expect(given.headers['x-request-id']).toBe('lb-1234');
    const odd = await request(api.url).get('/health/live').set('X-Request-Id', 'not a valid id!');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
