/**
 * Supervision before a breach (督办): supervisors see the cases in the last share of their
 * deadline window (or past it) in their street, press on one with a notice that lands in the
 * handlers' inbox and on the case's audit trail, and the handler acknowledges it.
 */
import {
  JurisdictionService,
  OpenDisputeService,
  type DisputeView,
  type OpenDisputeCommand,
} from '@tricolor/core';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { USERS, buildWorld, disputeBody, type Username, type World } from '../support/world';

const HOUR = 3_600_000;

interface Watch {
  share: number;
  units: { unitCode: string; atRisk: number; overdue: number }[];
  cases: { id: string; risk: string; openNotices: number; deadline: { countedIn: string } }[];
}
interface Notice {
  id: string;
  open: boolean;
  acknowledgedBy: string | null;
}

describe.each(DRIVERS)('supervision on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let atRisk: DisputeView;
  let overdue: DisputeView;
  let fresh: DisputeView;
  let elsewhere: DisputeView;

  beforeAll(async () => {
    // A wall-clock window of 10 hours, so "the last 20 %" is the last 2 hours of it. No worker:
    // the case past its deadline stays where it is, as it would between two worker passes.
    api = await startApi(driver, { RUN_WORKER: 'false', DEADLINE_BLUE_MEDIATION: 'PT10H' });
    world = await buildWorld(api);
    const openAt = async (user: Username, ago: number, overrides: object = {}) => {
      const actor = await api.app
        .get(JurisdictionService)
        .actorFor({ id: world.id[user], ...USERS[user] });
      return api.app
        .get(OpenDisputeService)
        .open(actor, disputeBody(overrides) as OpenDisputeCommand, new Date(Date.now() - ago));
    };
    atRisk = await openAt('gw1', 9 * HOUR);
    overdue = await openAt('gw1', 11 * HOUR);
    fresh = await openAt('gw1', 0);
    elsewhere = await openAt('gw3', 9 * HOUR, { gridCode: 'G3' });
  }, 120_000);
  afterAll(() => api?.close());

  const as = (user: Username | 'admin') => ({
    get: (path: string) => api.http().get(path).set('Authorization', `Bearer ${world.token[user]}`),
    post: (path: string, body: object) =>
      api.http().post(path).set('Authorization', `Bearer ${world.token[user]}`).send(body),
  });

  it("lists the street's cases about to breach or past their deadline, per community", async () => {
    const res = await as('super1').get('/supervision');
    expect(res.status).toBe(200);
    const watch = res.body as Watch;
    expect(watch.share).toBe(0.2);
    const ids = watch.cases.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([atRisk.id, overdue.id]));
    expect(ids).not.toContain(fresh.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(watch.cases.find((c) => c.id === atRisk.id)).toMatchObject({
      risk: 'at_risk',
      deadline: { countedIn: 'calendar_time' },
    });
    expect(watch.cases.find((c) => c.id === overdue.id)?.risk).toBe('overdue');
    expect(watch.units).toEqual([{ unitCode: 'C1', atRisk: 1, overdue: 1 }]);

    const other = (await as('super2').get('/supervision')).body as Watch;
    expect(other.cases.map((c) => c.id)).toEqual([elsewhere.id]);
    expect((await as('gw1').get('/supervision')).status).toBe(403);
  });

  it('a notice lands in the handlers’ inbox and on the audit trail; the handler acknowledges it', async () => {
    const dueBy = new Date(Date.now() + 24 * HOUR).toISOString();
    expect(
      (await as('gw1').post(`/disputes/${atRisk.id}/supervision`, { reason: 'x', dueBy })).status,
    ).toBe(403);
    expect(
      (await as('super2').post(`/disputes/${atRisk.id}/supervision`, { reason: 'x', dueBy }))
        .status,
    ).toBe(404);
    const bad = await as('super1').post(`/disputes/${atRisk.id}/supervision`, {
      reason: 'x',
      dueBy: 'soon',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('dueBy');

    const issued = await as('super1').post(`/disputes/${atRisk.id}/supervision`, {
      reason: '当事人多次来访，请尽快组织调解',
      dueBy,
    });
    expect(issued.status).toBe(201);
    const notice = issued.body as Notice;
    expect(notice).toMatchObject({ open: true, acknowledgedBy: null });

    const inbox = (await as('gw1').get('/me/notifications?pageSize=100')).body as {
      items: { kind: string; disputeId: string }[];
    };
    expect(inbox.items.some((n) => n.kind === 'supervision' && n.disputeId === atRisk.id)).toBe(
      true,
    );
    const watch = (await as('super1').get('/supervision')).body as Watch;
    expect(watch.cases.find((c) => c.id === atRisk.id)?.openNotices).toBe(1);

    // Only a handler acknowledges: the judicial office does not handle a blue case.
    const ack = `/disputes/${atRisk.id}/supervision/${notice.id}/acknowledge`;
    expect((await as('officer1').post(ack, {})).status).toBe(403);
    const done = await as('gw1').post(ack, { note: '已约双方周四上午调解' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ open: false, acknowledgedBy: world.id.gw1 });
    expect((await as('gw1').post(ack, {})).status).toBe(409);

    const notices = (await as('gw1').get(`/disputes/${atRisk.id}/supervision`)).body as Notice[];
    expect(notices).toHaveLength(1);
    expect(notices[0]?.open).toBe(false);
    const events = (await as('super1').get(`/disputes/${atRisk.id}/events`)).body as {
      type: string;
    }[];
    expect(events.map((e) => e.type)).toEqual([
      'OPEN',
      'SUPERVISION_NOTICE',
      'SUPERVISION_ACKNOWLEDGED',
    ]);
    expect((await as('super1').get(`/disputes/${atRisk.id}/audit/verify`)).body).toMatchObject({
      intact: true,
    });
    const view = (await as('gw1').get(`/disputes/${atRisk.id}`)).body as DisputeView;
    expect(view.version).toBe(3);

    // On the weekly agenda: issued this week (acknowledged since).
    const agenda = (await as('super1').get('/agenda?unit=C1&fresh=true')).body as {
      supervision: { disputeId: string; acknowledged: boolean }[];
    };
    expect(agenda.supervision).toEqual([
      expect.objectContaining({ disputeId: atRisk.id, acknowledged: true }),
    ]);

    const stats = (await as('super1').get('/stats')).body as { supervision: object };
    expect(stats.supervision).toEqual({ issued: 1, open: 0, acknowledged: 1, openPastDue: 0 });
  });
});
