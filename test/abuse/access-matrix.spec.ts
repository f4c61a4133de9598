import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import {
  buildWorld,
  disputeBody,
  PARTIES,
  USERS,
  type Username,
  type World,
} from '../support/world';
import { describeResponse, listenOnce, rowCounts, snapshot } from './kit';

/** One `until` for the Idempotency-Key request and its replay. */
const EXTEND_UNTIL = new Date(Date.now() + 20 * 86_400_000).toISOString();

/**
 * Role × endpoint × jurisdiction, as a table: nobody reads or changes what they may not
 * (DESIGN.md §4, §6). Every cell is one test, named after the case, the caller and the answer
 * expected, so a failure names its cell.
 */

type Who = Username | 'admin';
type Caller = Who | 'anonymous';
const PEOPLE: Who[] = ['admin', ...(Object.keys(USERS) as Username[])];
const CALLERS: Caller[] = [...PEOPLE, 'anonymous'];

/** Where a case is and who is assigned to it: what §4 decides visibility and handling from. */
interface CaseSpec {
  key: CaseKey;
  grid: string;
  community: string;
  street: string;
  tier: 'blue' | 'yellow' | 'red';
  /** Users assigned to the case (the accepting officer and the named lawyer, panel members). */
  assigned: Username[];
  /** Who handles it now (§4): they, and only they, see the parties' numbers unmasked. */
  handlers: Who[];
  /** An event valid in the case's state, and who may send it (§3 "who", §4 handler). */
  type: string;
  event: (w: World) => object;
  mayAct: Who[];
}
type CaseKey =
  | 'blue@G1'
  | 'yellow@S1'
  | 'review@S1'
  | 'red@S1'
  | 'blue@S2'
  | 'blue@C3'
  | 'blue@S10'
  | 'closed@G1';

const S1_PANEL: Username[] = ['pPolice', 'pJudicial', 'pLaw', 'pCourt'];
const CASES: CaseSpec[] = [
  {
    key: 'blue@G1',
    grid: 'G1',
    community: 'C1',
    street: 'S1',
    tier: 'blue',
    assigned: [],
    handlers: ['gw1'],
    type: 'ESCALATE',
    event: () => ({ type: 'ESCALATE', reason: 'needs legal advice' }),
    mayAct: ['gw1', 'super1'],
  },
  {
    // Escalated by its grid worker, waiting for the judicial office.
    key: 'yellow@S1',
    grid: 'G1',
    community: 'C1',
    street: 'S1',
    tier: 'yellow',
    assigned: [],
    handlers: ['officer1'],
    type: 'ACCEPT',
    event: (w) => ({ type: 'ACCEPT', officerId: w.id.officer1, lawyerId: w.id.lawyer1 }),
    mayAct: ['officer1'],
  },
  {
    // Escalated and accepted by officer1, who named lawyer1.
    key: 'review@S1',
    grid: 'G1',
    community: 'C1',
    street: 'S1',
    tier: 'yellow',
    assigned: ['officer1', 'lawyer1'],
    handlers: ['officer1', 'lawyer1'],
    type: 'REACH_AGREEMENT',
    event: () => ({ type: 'REACH_AGREEMENT', terms: 'Pay 500', signedByPartyIds: ['p1', 'p2'] }),
    // PML Art. 20: the lawyer advises; the agreement is the judicial officer's decision.
    mayAct: ['officer1'],
  },
  {
    key: 'red@S1',
    grid: 'G2',
    community: 'C1',
    street: 'S1',
    tier: 'red',
    assigned: [],
    handlers: S1_PANEL,
    type: 'CONVENE_PANEL',
    event: (w) => ({
      type: 'CONVENE_PANEL',
      members: [
        { userId: w.id.pPolice, institution: 'police_station' },
        { userId: w.id.pJudicial, institution: 'judicial_office' },
        { userId: w.id.pLaw, institution: 'law_firm' },
        { userId: w.id.pCourt, institution: 'court' },
      ],
    }),
    mayAct: [...S1_PANEL, 'super1'],
  },
  {
    key: 'blue@S2',
    grid: 'G3',
    community: 'C2',
    street: 'S2',
    tier: 'blue',
    assigned: [],
    handlers: ['gw3'],
    type: 'ESCALATE',
    event: () => ({ type: 'ESCALATE', reason: 'needs legal advice' }),
    mayAct: ['gw3', 'super2'],
  },
  {
    // S1's second community: its police (police3) see it, C1's police (police1) do not.
    key: 'blue@C3',
    grid: 'G4',
    community: 'C3',
    street: 'S1',
    tier: 'blue',
    assigned: [],
    handlers: ['gw4'],
    type: 'ESCALATE',
    event: () => ({ type: 'ESCALATE', reason: 'needs legal advice' }),
    mayAct: ['gw4', 'super1'],
  },
  {
    // Street S10 has units named like S1's (Street one, Community one, Grid one).
    key: 'blue@S10',
    grid: 'G10',
    community: 'C10',
    street: 'S10',
    tier: 'blue',
    assigned: [],
    handlers: ['gw10'],
    type: 'ESCALATE',
    event: () => ({ type: 'ESCALATE', reason: 'needs legal advice' }),
    mayAct: ['gw10', 'super10'],
  },
  {
    // Withdrawn by gw1, its handler until then: closed cases are masked for everyone (§4).
    key: 'closed@G1',
    grid: 'G1',
    community: 'C1',
    street: 'S1',
    tier: 'blue',
    assigned: [],
    handlers: [],
    type: 'ESCALATE',
    event: () => ({ type: 'ESCALATE', reason: 'needs legal advice' }),
    mayAct: [],
  },
];

/** §4, written out on its own: who may see a case. The admin sees every case. */
function maySee(who: Who, c: CaseSpec): boolean {
  if (who === 'admin') return true;
  const { role, unitCode } = USERS[who];
  switch (role) {
    case 'grid_worker':
      return unitCode === c.grid;
    case 'community_police':
      return unitCode === c.community;
    case 'judicial_officer':
    case 'supervisor':
      return unitCode === c.street;
    case 'panel_member':
      return (unitCode === c.street && c.tier === 'red') || c.assigned.includes(who);
    case 'lawyer':
      return c.assigned.includes(who);
  }
}

const READS = ['', '/events', '/allowed-events', '/audit/verify', '/timers'] as const;
const PHONE = PARTIES[0].phone;
const ID_NUMBER = String(PARTIES[0].idNumber);

const readRows = CASES.flatMap((c) =>
  CALLERS.map((who) => {
    const expected = who === 'anonymous' ? 401 : maySee(who, c) ? 200 : 404;
    return [c.key, who, expected] as [CaseKey, Caller, 200 | 401 | 404];
  }),
);

type WriteAnswer = 'allowed' | 401 | 404 | 422;
const writeRows = CASES.flatMap((c) =>
  CALLERS.map((who) => {
    const expected: WriteAnswer =
      who === 'anonymous' ? 401 : !maySee(who, c) ? 404 : c.mayAct.includes(who) ? 'allowed' : 422;
    return [c.key, c.type, who, expected] as [CaseKey, string, Caller, WriteAnswer];
  }),
);

/** Admin endpoints: admin and supervisors only (§6). */
const adminRows = CALLERS.map((who) => {
  const role = who === 'anonymous' ? null : who === 'admin' ? 'admin' : USERS[who].role;
  const expected = role === null ? 401 : role === 'admin' || role === 'supervisor' ? 'ok' : 403;
  return [who, expected] as [Caller, 'ok' | 401 | 403];
});

describe.each(DRIVERS)('access matrix on %s', (driver) => {
  let api: TestApi;
  let world: World;
  const ids = {} as Record<CaseKey, string>;
  const spec = (key: CaseKey) => CASES.find((c) => c.key === key)!;

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    await listenOnce(api);
    world = await buildWorld(api);
    const open = async (who: Username, grid: string, extra: object = {}) => {
      const res = await call(who, 'POST', '/disputes', disputeBody({ gridCode: grid, ...extra }));
      if (res.status !== 201) throw new Error(`open: ${describeResponse(res)}`);
      return (res.body as { id: string }).id;
    };
    const send = async (who: Username, id: string, event: object, key?: string) => {
      const req = api
        .http()
        .post(`/disputes/${id}/events`)
        .set('Authorization', `Bearer ${world.token[who]}`);
      const res = await (key ? req.set('Idempotency-Key', key) : req).send(event);
      if (res.status !== 200) throw new Error(`${JSON.stringify(event)}: ${describeResponse(res)}`);
    };
    ids['blue@G1'] = await open('gw1', 'G1');
    // Sent with an Idempotency-Key: the answer gw1 got (as the handler, unmasked) is stored.
    await send(
      'gw1',
      ids['blue@G1'],
      {
        type: 'EXTEND_DEADLINE',
        until: EXTEND_UNTIL,
        reason: 'a party is away',
        consentingPartyIds: ['p1', 'p2'],
      },
      'matrix-extend',
    );
    ids['yellow@S1'] = await open('gw1', 'G1');
    await send('gw1', ids['yellow@S1'], { type: 'ESCALATE', reason: 'legal' });
    ids['review@S1'] = await open('gw1', 'G1');
    await send('gw1', ids['review@S1'], { type: 'ESCALATE', reason: 'legal' });
    await send('officer1', ids['review@S1'], {
      type: 'ACCEPT',
      officerId: world.id.officer1,
      lawyerId: world.id.lawyer1,
    });
    ids['red@S1'] = await open('super1', 'G2', { requestedTier: 'red' });
    ids['blue@S2'] = await open('gw3', 'G3');
    ids['blue@C3'] = await open('gw4', 'G4');
    ids['blue@S10'] = await open('gw10', 'G10');
    ids['closed@G1'] = await open('gw1', 'G1');
    await send('gw1', ids['closed@G1'], { type: 'WITHDRAW', reason: 'the parties made peace' });
  }, 120_000);
  afterAll(() => api?.close());

  function call(who: Caller, method: 'GET' | 'POST', path: string, body?: object) {
    const req = method === 'GET' ? api.http().get(path) : api.http().post(path);
    const authed =
      who === 'anonymous' ? req : req.set('Authorization', `Bearer ${world.token[who]}`);
    return body === undefined ? authed : authed.send(body);
  }

  async function versionOf(id: string): Promise<number> {
    const ds = api.app.get(DataSource);
    const sql = `SELECT version FROM disputes WHERE id = ${driver === 'postgres' ? '$1' : '?'}`;
    const [row] = await ds.query<{ version: number | string }[]>(sql, [id]);
    return Number(row.version);
  }

  const unmasked = (res: Response) => {
    const text = JSON.stringify(res.body);
    return text.includes(PHONE) || text.includes(ID_NUMBER);
  };
  /** Both numbers in full: what a handler must get. */
  const fullyUnmasked = (body: unknown) => {
    const text = JSON.stringify(body);
    return text.includes(PHONE) && text.includes(ID_NUMBER);
  };

  describe('reads: 200 where §4 allows, 404 otherwise, 401 without a token', () => {
    it.each(readRows)('%s read by %s → %i', async (key, who, expected) => {
      const id = ids[key];
      for (const sub of READS) {
        const res = await call(who, 'GET', `/disputes/${id}${sub}`);
        if (res.status !== expected) {
          throw new Error(`GET /disputes/:id${sub}: ${describeResponse(res)}`);
        }
        // Parties' numbers are for the handlers only (§4), wherever they appear.
        if (res.status === 200 && unmasked(res) && !spec(key).handlers.includes(who as Who)) {
          throw new Error(`GET /disputes/:id${sub} shows unmasked numbers to ${who}`);
        }
        // And the other way: a handler gets the real numbers, or cannot call the parties.
        if (sub === '' && spec(key).handlers.includes(who as Who) && !fullyUnmasked(res.body)) {
          throw new Error(`GET /disputes/:id hides the numbers from ${who}, a handler`);
        }
      }
      const list = await call(who, 'GET', '/disputes?pageSize=200');
      if (who === 'anonymous') {
        expect(list.status).toBe(401);
        return;
      }
      expect(list.status).toBe(200);
      const items = (list.body as { items: { id: string }[] }).items;
      expect(items.some((d) => d.id === id)).toBe(expected === 200);
    });
  });

  describe('the list and the statistics count exactly the cases one may see', () => {
    it.each(PEOPLE)('GET /disputes and GET /stats as %s', async (who) => {
      const visible = CASES.filter((c) => maySee(who, c))
        .map((c) => ids[c.key])
        .sort();
      const list = await call(who, 'GET', '/disputes?pageSize=200');
      const listed = (list.body as { items: { id: string }[] }).items.map((d) => d.id).sort();
      expect(listed).toEqual(visible);
      for (const item of (list.body as { items: { id: string }[] }).items) {
        const c = CASES.find((x) => ids[x.key] === item.id)!;
        if (!c.handlers.includes(who)) expect(JSON.stringify(item)).not.toContain(PHONE);
        else expect([c.key, fullyUnmasked(item)]).toEqual([c.key, true]);
      }
      const stats = await call(who, 'GET', '/stats');
      expect(stats.status).toBe(200);
      expect((stats.body as { total: number }).total).toBe(visible.length);
    });
  });

  describe('writes: refused to anyone who may not act; the version never moves', () => {
    it.each(writeRows)('%s: %s from %s → %s', async (key, _type, who, expected) => {
      const c = spec(key);
      const id = ids[key];
      const before = await versionOf(id);
      if (expected === 'allowed') {
        // Sending it would move the case: the allowed list must offer it instead.
        const res = await call(who, 'GET', `/disputes/${id}/allowed-events`);
        expect(res.status).toBe(200);
        expect((res.body as { allowed: string[] }).allowed).toContain(c.type);
        return;
      }
      const res = await call(who, 'POST', `/disputes/${id}/events`, c.event(world));
      if (res.status !== expected) throw new Error(describeResponse(res));
      expect(res.body).toMatchObject({ statusCode: expected });
      if (expected === 422) {
        const body = res.body as { reason: unknown; allowedEvents: unknown };
        expect(typeof body.reason).toBe('string');
        expect(String(body.reason)).not.toBe('');
        expect(Array.isArray(body.allowedEvents)).toBe(true);
        const allowed = await call(who, 'GET', `/disputes/${id}/allowed-events`);
        expect((allowed.body as { allowed: string[] }).allowed).not.toContain(c.type);
      }
      expect(await versionOf(id)).toBe(before);
    });

    it("replaying someone else's Idempotency-Key gets neither their answer nor a write", async () => {
      const id = ids['blue@G1'];
      const before = await versionOf(id);
      // police1 sees the case, is not its handler, and may escalate it in an emergency.
      const res = await api
        .http()
        .post(`/disputes/${id}/events`)
        .set('Authorization', `Bearer ${world.token.police1}`)
        .set('Idempotency-Key', 'matrix-extend')
        .send({ type: 'EMERGENCY_ESCALATE', reason: 'a fight broke out' });
      expect(res.status).not.toBe(200);
      expect(res.status).toBeLessThan(500);
      expect(unmasked(res)).toBe(false);
      expect(await versionOf(id)).toBe(before);
      // Its owner still gets the first answer back, and nothing is written.
      const again = await api
        .http()
        .post(`/disputes/${id}/events`)
        .set('Authorization', `Bearer ${world.token.gw1}`)
        .set('Idempotency-Key', 'matrix-extend')
        // The same body: a key reused with another body is a 409 (issue 9).
        .send({
          type: 'EXTEND_DEADLINE',
          until: EXTEND_UNTIL,
          reason: 'a party is away',
          consentingPartyIds: ['p1', 'p2'],
        });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id, version: before });
      expect(await versionOf(id)).toBe(before);
    });
  });

  describe('admin endpoints: 403 for every role but admin and supervisor', () => {
    let serial = 0;
    it.each(adminRows)(
      'POST and GET /admin/units, /admin/users as %s → %s',
      async (who, expected) => {
        const before = rowCounts(await snapshot(api));
        const n = ++serial;
        const street = who !== 'anonymous' && who !== 'admin' ? USERS[who].unitCode : 'S1';
        // Bodies a supervisor of S1 may send: anyone else must be refused before they count.
        const unit = { code: `M-${n}`, name: 'Matrix grid', kind: 'grid', parentCode: 'C1' };
        const user = {
          username: `matrix.${n}`,
          password: 'password-123',
          displayName: 'Matrix',
          role: 'grid_worker',
          unitCode: 'G2',
        };
        const answers = [
          await call(who, 'POST', '/admin/units', unit),
          await call(who, 'POST', '/admin/users', user),
          await call(who, 'GET', '/admin/units'),
          await call(who, 'GET', '/admin/users'),
        ];
        if (expected !== 'ok') {
          for (const res of answers) {
            if (res.status !== expected) throw new Error(describeResponse(res));
          }
          expect(rowCounts(await snapshot(api))).toEqual(before);
          return;
        }
        // Admins and S1's supervisor may create these; S2's supervisor may not (not their street).
        const mayCreate = who === 'admin' || street === 'S1';
        expect(answers.map((r) => r.status)).toEqual(
          mayCreate ? [201, 201, 200, 200] : [403, 403, 200, 200],
        );
        const after = rowCounts(await snapshot(api));
        expect(after.units - before.units).toBe(mayCreate ? 1 : 0);
        expect(after.users - before.users).toBe(mayCreate ? 1 : 0);
      },
    );

    const user = (username: string, o: object) => ({
      username,
      password: 'password-123',
      displayName: 'X',
      ...o,
    });
    it.each<[Username, string, string, object]>([
      ['super1', 'units', 'a street', { code: 'X-S', name: 'X', kind: 'street' }],
      [
        'super1',
        'units',
        'a community of S2',
        { code: 'X-C', name: 'X', kind: 'community', parentCode: 'S2' },
      ],
      [
        'super1',
        'units',
        'a grid of S2',
        { code: 'X-G', name: 'X', kind: 'grid', parentCode: 'C2' },
      ],
      [
        'super2',
        'units',
        'a grid of S1',
        { code: 'X-G', name: 'X', kind: 'grid', parentCode: 'C1' },
      ],
      [
        'super1',
        'users',
        'a grid worker of S2',
        user('x.gw3', { role: 'grid_worker', unitCode: 'G3' }),
      ],
      [
        'super1',
        'users',
        'a judicial officer of S2',
        user('x.officer', { role: 'judicial_officer', unitCode: 'S2' }),
      ],
      [
        'super1',
        'users',
        'a panel member of S2',
        user('x.panel', { role: 'panel_member', unitCode: 'S2', institution: 'court' }),
      ],
      ['super1', 'users', 'an admin', user('x.admin', { role: 'admin', unitCode: 'S1' })],
      [
        'super2',
        'users',
        'a grid worker of S1',
        user('x.gw1', { role: 'grid_worker', unitCode: 'G1' }),
      ],
    ])('%s creating %s: %s → 403', async (who, what, _label, body) => {
      const before = await snapshot(api);
      const res = await call(who, 'POST', `/admin/${what}`, body);
      if (res.status !== 403) throw new Error(describeResponse(res));
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(await snapshot(api)).toEqual(before);
    });
  });

  describe("notifications: one's own inbox only", () => {
    it.each(PEOPLE)("%s lists only their own and cannot mark anyone else's read", async (who) => {
      const ds = api.app.get(DataSource);
      const rows = await ds.query<{ id: string; user_id: string; read_at: unknown }[]>(
        'SELECT id, user_id, read_at FROM notifications',
      );
      const own = rows.filter((r) => who !== 'admin' && r.user_id === world.id[who]);
      const inbox = await call(who, 'GET', '/me/notifications?pageSize=200');
      expect(inbox.status).toBe(200);
      expect((inbox.body as { items: { id: string }[] }).items.map((n) => n.id).sort()).toEqual(
        own.map((r) => r.id).sort(),
      );
      const before = await snapshot(api);
      for (const theirs of rows.filter((r) => !own.includes(r))) {
        const res = await call(who, 'POST', `/me/notifications/${theirs.id}/read`);
        if (res.status !== 404) throw new Error(describeResponse(res));
      }
      expect(await snapshot(api)).toEqual(before);
    });
  });

  describe('the weekly agenda: its street and communities only', () => {
    const STREET_OF: Record<string, string> = {
      S1: 'S1',
      C1: 'S1',
      C3: 'S1',
      S2: 'S2',
      S10: 'S10',
    };
    const agendaRows = PEOPLE.flatMap((who) =>
      Object.keys(STREET_OF).map((unit) => {
        let ok = who === 'admin';
        if (who !== 'admin') {
          const { role, unitCode } = USERS[who];
          const streetOf = (u: string) => STREET_OF[u];
          if (role === 'supervisor' || role === 'judicial_officer')
            ok = streetOf(unit) === unitCode;
          if (role === 'community_police') ok = unit === unitCode;
        }
        return [who, unit, ok ? 200 : 403] as [Who, string, number];
      }),
    );
    it.each(agendaRows)('%s reading the agenda of %s → %i', async (who, unit, expected) => {
      const res = await call(who, 'GET', `/agenda?unit=${unit}`);
      if (res.status !== expected) throw new Error(describeResponse(res));
    });
  });

  // Last: the refusals above were not about the payloads, each case takes its event.
  it.each(
    CASES.filter((c) => c.mayAct.length > 0).map((c) => [c.key, c.mayAct[0]] as [CaseKey, Who]),
  )('control: %s accepts its event from %s', async (key, who) => {
    const id = ids[key];
    const before = await versionOf(id);
    const res = await call(who, 'POST', `/disputes/${id}/events`, spec(key).event(world));
    if (res.status !== 200) throw new Error(describeResponse(res));
    expect(await versionOf(id)).toBe(before + 1);
  });
});
