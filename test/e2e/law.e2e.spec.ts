/**
 * The People's Mediation Law over HTTP (docs/law.md): screening at intake (2002 rules Arts. 22,
 * 24), the report to the police in the police's inbox (PML Art. 25), consent (Art. 17) and the
 * Art. 26 notice on the case.
 */
import { startApi, type TestApi } from '../support/api';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, type World } from '../support/world';

interface CaseBody {
  id: string;
  status: string;
  outcome: string | null;
}

describe.each(DRIVERS)('the law over HTTP on %s', (driver) => {
  let api: TestApi;
  let world: World;
  const client = worldClient(
    () => api,
    () => world,
  );
  const { as, send } = client;

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  it('2002 rules Arts. 22, 24: a dispute before a court opens closed, not_accepted, with the body named', async () => {
    const res = await as('gw1').post('/disputes', {
      title: 'Already sued',
      description: 'The neighbour has sued over the ceiling.',
      category: 'neighbour',
      gridCode: 'G1',
      parties: [
        { name: '张三', role: 'applicant' },
        { name: '李四', role: 'respondent' },
      ],
      riskIndicators: [],
      source: 'hotline_12345',
      notAccepted: { ground: 'before_court', referredTo: '崂山区人民法院', noticeHow: 'written' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'closed', outcome: 'not_accepted' });
    const bad = await as('gw1').post('/disputes', {
      title: 'x',
      description: 'x',
      category: 'neighbour',
      gridCode: 'G1',
      parties: [
        { name: '张三', role: 'applicant' },
        { name: '李四', role: 'respondent' },
      ],
      riskIndicators: [],
      notAccepted: { ground: 'because', referredTo: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/ground/);
  });

  it('PML Art. 25: triage marked threats, so the report comes first; it reaches the community police', async () => {
    const c = await client.open<CaseBody>('gw1', {
      riskIndicators: ['threat_of_revenge'],
      requestedTier: 'blue',
      tierReason: 'the grid worker knows both families well',
    });
    const early = await as('gw1').post(`/disputes/${c.id}/events`, {
      type: 'WITHDRAW',
      reason: 'they made up',
    });
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toMatch(/REPORT_TO_POLICE/);
    await send('gw1', c.id, {
      type: 'REPORT_TO_POLICE',
      risk: 'threats',
      reason: 'said he would settle it himself',
      station: '中韩派出所',
    });
    const after = await as('gw1').get(`/disputes/${c.id}`);
    expect(after.body.status).toBe(c.status);
    // on the case
    expect(after.body.law.policeReports).toMatchObject([
      { risk: 'threats', station: '中韩派出所' },
    ]);
    expect(after.body.law.policeReportRequired).toBe(true);
    const inbox = await as('police1').get('/me/notifications');
    const entries = (inbox.body as { items: { disputeId: string; kind: string }[] }).items.filter(
      (n) => n.disputeId === c.id,
    );
    expect(entries.map((n) => n.kind)).toEqual(['police_report']);
    await send('gw1', c.id, { type: 'WITHDRAW', reason: 'they made up', noticeHow: 'written' });
  });

  it('PML Art. 3(3): the parties choose arbitration at blue; outcome other_route', async () => {
    const c = await client.open<CaseBody>('gw1');
    await send('gw1', c.id, {
      type: 'CHOOSE_OTHER_ROUTE',
      route: 'arbitration',
      reason: 'the lease names an arbitration commission',
    });
    const res = await as('gw1').get(`/disputes/${c.id}`);
    expect(res.body).toMatchObject({ status: 'closed', outcome: 'other_route' });
    // PML Art. 26: who told the parties of the other routes, and how
    expect(res.body.law.routesNotice).toMatchObject({ how: 'oral', routes: ['arbitration'] });
  });
});
