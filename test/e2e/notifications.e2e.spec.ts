import { Notifier, handlersOf } from '@tricolor/core';
import { DisputeEntity, NotificationEntity, TransactionRunner } from '@tricolor/persistence';
import type { EntityManager } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type Username, type World } from '../support/world';

interface Entry {
  id: string;
  disputeId: string | null;
  kind: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}
interface Inbox {
  items: Entry[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

describe.each(DRIVERS)('the in-app inbox on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let notifier: Notifier;
  let tx: TransactionRunner;

  beforeAll(async () => {
    api = await startApi(driver);
    world = await buildWorld(api);
    notifier = api.app.get(Notifier);
    tx = api.app.get(TransactionRunner);
  }, 120_000);
  afterAll(() => api?.close());

  const as = (user: Username) => ({
    get: (path: string) => api.http().get(path).set('Authorization', `Bearer ${world.token[user]}`),
    post: (path: string, body?: object) =>
      api.http().post(path).set('Authorization', `Bearer ${world.token[user]}`).send(body),
  });

  async function open(overrides: object = {}) {
    const res = await as('gw1').post('/disputes', disputeBody(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; reference: string };
  }

  async function send(user: Username, id: string, event: object) {
    const res = await as(user).post(`/disputes/${id}/events`, event);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Loads the case and runs `work` on it in one transaction, as the timer code will. */
  const withCase = <T>(id: string, work: (m: EntityManager, d: DisputeEntity) => Promise<T>) =>
    tx.run(async (m) => work(m, await m.findOneByOrFail(DisputeEntity, { id })));

  const handlers = (id: string) => withCase(id, async (m, d) => (await handlersOf(m, d)).sort());
  const ids = (...users: Username[]) => users.map((u) => world.id[u]).sort();

  async function inbox(user: Username, query = 'pageSize=200'): Promise<Inbox> {
    const res = await as(user).get(`/me/notifications?${query}`);
    expect(res.status).toBe(200);
    return res.body as Inbox;
  }

  /** Who among `users` has a notification about the case. */
  async function toldAbout(disputeId: string, users: Username[]): Promise<Username[]> {
    const told: Username[] = [];
    for (const user of users) {
      const { items } = await inbox(user);
      if (items.some((n) => n.disputeId === disputeId)) told.push(user);
    }
    return told;
  }

  const EVERYONE: Username[] = [
    'gw1',
    'gw2',
    'gw3',
    'police1',
    'officer1',
    'officer2',
    'lawyer1',
    'super1',
    'super2',
    'pPolice',
    'pJudicial',
    'pLaw',
    'pCourt',
    'pCourt2',
  ];
  const S1_PANEL: Username[] = ['pPolice', 'pJudicial', 'pLaw', 'pCourt'];

  it('reminds the grid workers of a blue case grid, and nobody else', async () => {
    const c = await open();
    expect(await handlers(c.id)).toEqual(ids('gw1'));
    const due = new Date('2030-01-02T03:04:00Z');
    await withCase(c.id, (m, d) => notifier.reminder(m, d, 'deadline', due));

    expect(await toldAbout(c.id, EVERYONE)).toEqual(['gw1']);
    const [entry] = (await inbox('gw1')).items.filter((n) => n.disputeId === c.id);
    expect(entry).toMatchObject({ kind: 'reminder', readAt: null });
    expect(entry.message).toBe(
      `Deadline for case ${c.reference} (blue.mediating) is due at 2030-01-02 03:04 UTC.`,
    );
  });

  it('makes the judicial officers of S1 the handlers after escalation to yellow', async () => {
    const c = await open();
    await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs legal advice' });
    expect(await handlers(c.id)).toEqual(ids('officer1'));

    await withCase(c.id, (m, d) => notifier.escalated(m, d, 'blue', 'yellow', false));
    expect(await toldAbout(c.id, EVERYONE)).toEqual(['officer1', 'super1']);
    const [entry] = (await inbox('super1')).items.filter((n) => n.disputeId === c.id);
    expect(entry.kind).toBe('escalation');
    expect(entry.message).toMatch(
      new RegExp(
        `^Case ${c.reference} was escalated from blue to yellow at .* and is now ` +
          'yellow\\.awaitingAcceptance\\. Reason: needs legal advice$',
      ),
    );
  });

  it('tells the judicial office and supervisors of the street when acceptance is overdue', async () => {
    const c = await open();
    await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs legal advice' });
    await withCase(c.id, (m, d) => notifier.acceptanceOverdue(m, d));
    expect(await toldAbout(c.id, EVERYONE)).toEqual(['officer1', 'super1']);

    await send('officer1', c.id, {
      type: 'ACCEPT',
      officerId: world.id.officer1,
      lawyerId: world.id.lawyer1,
    });
    expect(await handlers(c.id)).toEqual(ids('officer1', 'lawyer1'));
  });

  it('tells the street panel and supervisors about an overdue red case', async () => {
    const c = await open();
    await send('gw1', c.id, { type: 'EMERGENCY_ESCALATE', reason: 'a threat of violence' });
    expect(await handlers(c.id)).toEqual(ids(...S1_PANEL));

    await withCase(c.id, (m, d) => notifier.redOverdue(m, d));
    expect((await toldAbout(c.id, EVERYONE)).sort()).toEqual(['super1', ...S1_PANEL].sort());
    const [entry] = (await inbox('super1')).items.filter((n) => n.disputeId === c.id);
    expect(entry).toMatchObject({ kind: 'overdue' });
    expect(entry.message).toMatch(/\(red\.convening\) in street S1 is overdue/);
  });

  it('keeps the blue handler in charge of an agreement and names nobody once closed', async () => {
    const c = await open();
    await send('gw1', c.id, {
      type: 'REACH_AGREEMENT',
      terms: 'Fix the pipe within a week',
      signedByPartyIds: ['p1', 'p2'],
    });
    expect(await handlers(c.id)).toEqual(ids('gw1'));
    await withCase(c.id, (m, d) => notifier.confirmationWindow(m, d, false));
    expect(await toldAbout(c.id, EVERYONE)).toEqual(['gw1']);
    const [entry] = (await inbox('gw1')).items.filter((n) => n.disputeId === c.id);
    expect(entry).toMatchObject({ kind: 'confirmation_window' });
    expect(entry.message).toMatch(/\(agreed\) closes at .* UTC/);

    await send('gw1', c.id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });
    expect(await handlers(c.id)).toEqual([]);
  });

  it('writes inside the caller transaction: a rollback leaves no notification', async () => {
    const c = await open();
    const failed = withCase(c.id, async (m, d) => {
      await notifier.reminder(m, d, 'deadline', new Date());
      throw new Error('the transition failed');
    });
    await expect(failed).rejects.toThrow('the transition failed');
    expect(await toldAbout(c.id, ['gw1'])).toEqual([]);
  });

  describe('reading and marking', () => {
    // police1 is never a handler or supervisor, so only this block writes to their inbox.
    let caseId: string;
    let entries: Entry[];

    beforeAll(async () => {
      caseId = (await open()).id;
      await tx.run(async (m) => {
        for (const [i, minute] of ['00', '01', '02'].entries()) {
          await notifier.notify(m, [world.id.police1, world.id.police1], {
            disputeId: caseId,
            kind: 'reminder',
            message: `note ${i}`,
            at: new Date(`2030-01-01T00:${minute}:00Z`),
          });
        }
      });
      entries = (await inbox('police1')).items;
    });

    it('lists the caller own entries newest first, once each, with counts', async () => {
      const page = await inbox('police1');
      expect(page).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 200 });
      expect(page.items.map((n) => n.message)).toEqual(['note 2', 'note 1', 'note 0']);
      expect(page.items[0].createdAt).toBe('2030-01-01T00:02:00.000Z');
      expect(await toldAbout(caseId, EVERYONE)).toEqual(['police1']);
    });

    it('pages', async () => {
      const second = await inbox('police1', 'page=2&pageSize=2');
      expect(second).toMatchObject({ total: 3, unread: 3, page: 2, pageSize: 2 });
      expect(second.items.map((n) => n.message)).toEqual(['note 0']);
    });

    it("answers 404 for another user's notification and leaves it unread", async () => {
      const res = await as('gw2').post(`/me/notifications/${entries[0].id}/read`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      expect(JSON.stringify(res.body)).not.toMatch(/note/);
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
        expect((await as('police1').post(`/me/notifications/${id}/read`)).status).toBe(404);
      }
      expect((await inbox('police1')).unread).toBe(3);
    });

    it('marks one read, keeps the first read time, and filters unread', async () => {
      const first = await as('police1').post(`/me/notifications/${entries[0].id}/read`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: entries[0].id, message: 'note 2' });
      expect(first.body.readAt).toEqual(expect.any(String));
      const again = await as('police1').post(`/me/notifications/${entries[0].id}/read`);
      expect(again.body.readAt).toBe(first.body.readAt);

      const unread = await inbox('police1', 'unread=true');
      expect(unread).toMatchObject({ total: 2, unread: 2 });
      expect(unread.items.map((n) => n.message)).toEqual(['note 1', 'note 0']);
      expect(await inbox('police1', 'unread=false')).toMatchObject({ total: 3, unread: 2 });
    });

    it('marks all read and says how many changed', async () => {
      const res = await as('police1').post('/me/notifications/read-all');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ marked: 2 });
      expect((await as('police1').post('/me/notifications/read-all')).body).toEqual({ marked: 0 });
      expect(await inbox('police1')).toMatchObject({ total: 3, unread: 0 });
      expect(await inbox('police1', 'unread=true')).toMatchObject({ total: 0, items: [] });
    });
  });

  it('counts each recipient once', async () => {
    const c = await open();
    const rows = await tx.run((m) =>
      notifier.notify(m, [world.id.gw3, world.id.gw3], {
        disputeId: c.id,
        kind: 'overdue',
        message: 'once',
      }),
    );
    expect(rows).toHaveLength(1);
    const stored = await tx.run((m) =>
      m.countBy(NotificationEntity, { disputeId: c.id, userId: world.id.gw3 }),
    );
    expect(stored).toBe(1);
  });

  it.each([
    ['unread=yes', /unread must be true or false/],
    ['page=0', /page must not be less than 1/],
    ['pageSize=201', /pageSize must not be greater than 200/],
    ['pageSize=abc', /pageSize must be an integer/],
    ['colour=red', /property colour should not exist/],
  ])('answers %s with a 400 naming the field', async (query, message) => {
    const res = await as('gw1').get(`/me/notifications?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(res.body.message)).toMatch(message);
  });

  it('needs a token', async () => {
    expect((await api.http().get('/me/notifications')).status).toBe(401);
    expect((await api.http().post('/me/notifications/read-all')).status).toBe(401);
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await api.http().post(`/me/notifications/${id}/read`)).status).toBe(401);
  });
});
