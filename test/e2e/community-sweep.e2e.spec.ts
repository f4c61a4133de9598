import { JurisdictionService, ReportsService } from '@tricolor/core';
import { ReportSweep } from '../../apps/worker/src/report-sweep';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { waitFor } from '../support/wait';
import { buildWorld, type World } from '../support/world';

/** The in-process timer worker flags 社情 reports nobody looked at, on its reconcile cadence. */
describe.each(DRIVERS)('the overdue-report sweep in the worker on %s', (driver) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startApi(driver, { RECONCILE_INTERVAL: 'PT1S' });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  it('tells the street supervisors once about a report filed last week and never looked at', async () => {
    const gw1 = await api.app
      .get(JurisdictionService)
      .actorFor({ id: world.id.gw1, role: 'grid_worker', unitCode: 'G1' });
    const filedAt = new Date(Date.now() - 7 * 86_400_000);
    const report = await api.app.get(ReportsService).file(
      gw1,
      {
        gridCode: 'G1',
        category: 'safety_hazard',
        summary: 'Loose cover on the drain',
        place: 'Gate 2',
      },
      filedAt,
    );
    expect(Date.parse(report.reviewDueAt)).toBeLessThan(Date.now());

    const inbox = () =>
      api
        .http()
        .get('/me/notifications')
        .set('Authorization', `Bearer ${world.token.super1}`)
        .then((res) => (res.body as { items: { kind: string; message: string }[] }).items);
    const notices = await waitFor('the overdue notice', async () => {
      const found = (await inbox()).filter((n) => n.kind === 'report_overdue');
      return found.length > 0 ? found : null;
    });
    expect(notices[0].message).toContain(report.reference);
    const read = await api
      .http()
      .get(`/community/reports/${report.id}`)
      .set('Authorization', `Bearer ${world.token.police1}`);
    expect((read.body as { overdueFlaggedAt: string | null }).overdueFlaggedAt).not.toBeNull();
    const queue = async (overdue: boolean) =>
      (
        (
          await api
            .http()
            .get(`/community/reports?overdue=${overdue}`)
            .set('Authorization', `Bearer ${world.token.police1}`)
        ).body as { items: { id: string; overdue: boolean }[] }
      ).items;
    expect((await queue(true)).map((r) => [r.id, r.overdue])).toEqual([[report.id, true]]);
    expect(await queue(false)).toEqual([]);
    // Later sweeps leave it alone: still one notice after two more.
    const sweep = api.app.get(ReportSweep);
    await sweep.tick();
    await sweep.tick();
    expect((await inbox()).filter((n) => n.kind === 'report_overdue')).toHaveLength(1);
  });
});
