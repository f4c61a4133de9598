import { DisputeEntity } from '@tricolor/persistence';
import { DataSource, In } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type World } from '../support/world';

// The agenda reads a unit's open cases a page (500) at a time and keeps only the most urgent
// 1000 of each list (issue 9, finding 6): over several pages its counts must stay whole and its
// lists hold the most urgent cases of all, not of the last page.
const COPIES = 1_200;

describe.each(DRIVERS)('an agenda read over many pages on %s', (driver) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
  }, 300_000);
  afterAll(() => api?.close());

  it('counts every open case and lists the most urgent first', async () => {
    const opened = await api
      .http()
      .post('/disputes')
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .send(disputeBody({ gridCode: 'G1' }));
    expect(opened.status).toBe(201);
    const ds = api.app.get(DataSource);
    await copyCase(ds, (opened.body as { id: string }).id, COPIES);
    // Among the copies, made late in the walk (the last page): three red, two overdue.
    const red = ['copy-1101', 'copy-1150', 'copy-1199'];
    const late = ['copy-1120', 'copy-1180'];
    await ds.getRepository(DisputeEntity).update({ id: In(red) }, { tier: 'red' });
    await ds
      .getRepository(DisputeEntity)
      .update({ id: In(late) }, { nextDeadlineAt: new Date(Date.now() - 3_600_000) });

    const res = await api
      .http()
      .get('/agenda?unit=C1&fresh=true&limit=1000')
      .set('Authorization', `Bearer ${world.token.super1}`);
    expect(res.status).toBe(200);
    const agenda = res.body as {
      counts: { open: number; overdue: number; openByTier: Record<string, number> };
      open: { id: string; tier: string }[];
      overdue: { id: string }[];
    };
    expect(agenda.counts.open).toBe(COPIES + 1);
    expect(agenda.counts.openByTier.red).toBe(3);
    expect(agenda.counts.overdue).toBeGreaterThanOrEqual(2);
    expect(agenda.open).toHaveLength(1000);
    expect(new Set(agenda.open.slice(0, 3).map((c) => c.id))).toEqual(new Set(red));
    expect(agenda.overdue.map((c) => c.id)).toEqual(expect.arrayContaining(late));
    expect(new Set(agenda.open.map((c) => c.id)).size).toBe(1000);
  }, 120_000);
});

/** `count` copies of a case (ids copy-1 … copy-count), in one INSERT … SELECT. */
async function copyCase(ds: DataSource, templateId: string, count: number): Promise<void> {
  const columns = ds.getMetadata(DisputeEntity).columns.map((c) => c.databaseName);
  const value = (column: string): string =>
    column === 'id'
      ? `'copy-' || n.i`
      : column === 'reference'
        ? `d.reference || '-' || n.i`
        : `d.${column}`;
  const pg = ds.options.type === 'postgres';
  await ds.query(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
     INSERT INTO disputes (${columns.join(', ')})
     SELECT ${columns.map(value).join(', ')} FROM disputes d CROSS JOIN n WHERE d.id = ${pg ? '$1' : '?'}`,
    [templateId],
  );
}
