import { AccountAuditEntity, DisputeEventEntity } from '@tricolor/persistence';
import { hashRecord, resealLegacyTrails, verifyAllChains } from '@tricolor/core';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type World } from '../support/world';

// Audit records written before keyed seals (key_id null, plain SHA-256) are sealed under the
// current key by npm run audit:reseal, once their chain verifies (issue 9, build item 1).
describe.each(DRIVERS)('re-sealing legacy audit records on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
    ds = api.app.get(DataSource);
  }, 300_000);
  afterAll(() => api?.close());

  const auth = () => ({ Authorization: `Bearer ${world.token.gw1}` });
  const trail = (id: string) =>
    ds.manager.find(DisputeEventEntity, { where: { disputeId: id }, order: { seq: 'ASC' } });
  const verify = async (id: string) => {
    const res = await api.http().get(`/disputes/${id}/audit/verify`).set(auth());
    expect(res.status).toBe(200);
    return res.body as { intact: boolean; problems?: { seq: number | null; problem: string }[] };
  };

  async function caseOfThree(): Promise<string> {
    const opened = await api.http().post('/disputes').set(auth()).send(disputeBody());
    const id = (opened.body as { id: string }).id;
    for (const event of [{ type: 'SUSPEND', reason: 'away' }, { type: 'RESUME' }]) {
      expect((await api.http().post(`/disputes/${id}/events`).set(auth()).send(event)).status).toBe(
        200,
      );
    }
    return id;
  }

  /**
   * Rewrites a trail as an older version wrote it: records up to `legacyTo` with plain SHA-256
   * and no key id, the later ones sealed but linked to them. `at` is moved back before any
   * keyed record, as a record written before the upgrade would be.
   */
  async function asLegacy(id: string, legacyTo: number, tamperSeq?: number): Promise<void> {
    const records = await trail(id);
    let prevHash = '0'.repeat(64);
    for (const r of records) {
      const legacy = r.seq <= legacyTo;
      const at = legacy ? new Date(Date.UTC(2020, 0, 1, 0, r.seq)) : r.at;
      const next = { ...r, at, prevHash, keyId: legacy ? null : r.keyId };
      next.hash = hashRecord(next);
      const payload = r.seq === tamperSeq ? { type: 'SUSPEND', reason: 'rewritten' } : r.payload;
      await ds
        .createQueryBuilder()
        .update(DisputeEventEntity)
        .set({ at, prevHash, keyId: next.keyId, hash: next.hash, payload })
        .where('id = :id', { id: r.id })
        .execute();
      prevHash = next.hash;
    }
  }

  it('seals a verified legacy trail, refuses a broken one, and records what it did', async () => {
    const whole = await caseOfThree();
    const mixed = await caseOfThree();
    const broken = await caseOfThree();
    // As an owner of the database (the command's own role): lift the triggers to stage history.
    await setTriggers(ds, driver, false);
    await asLegacy(whole, 3);
    await asLegacy(mixed, 2);
    await asLegacy(broken, 3, 2);
    await setTriggers(ds, driver, true);

    expect((await verify(whole)).problems?.map((p) => p.problem)).toEqual(
      Array(3).fill('is not sealed with a key (written before keyed chains, or downgraded)'),
    );
    expect((await verifyAllChains(ds)).broken.map((b) => b.disputeId).sort()).toEqual(
      [whole, mixed, broken].sort(),
    );

    const dry = await resealLegacyTrails(ds, { dryRun: true });
    expect(dry).toMatchObject({ cases: 2, records: 5 });
    expect((await trail(whole))[0].keyId).toBeNull();

    const report = await resealLegacyTrails(ds);
    expect(report).toMatchObject({ cases: 2, records: 6 });
    expect(report.refused).toEqual([
      expect.objectContaining({
        disputeId: broken,
        problems: ['2: its content does not match its SHA-256 hash'],
      }),
    ]);
    expect(await verify(whole)).toMatchObject({ intact: true });
    expect(await verify(mixed)).toMatchObject({ intact: true });
    expect((await verify(broken)).intact).toBe(false);
    expect((await trail(broken))[0].keyId).toBeNull();
    // npm run verify:all agrees: only the refused case is still reported.
    expect((await verifyAllChains(ds)).broken.map((b) => b.disputeId)).toEqual([broken]);

    // Recorded in the sealed account audit log, which still verifies; the trigger is back.
    const admin = await api
      .http()
      .get('/admin/audit?limit=10')
      .set('Authorization', `Bearer ${world.token.admin}`);
    expect(admin.body.intact).toBe(true);
    const resealed = (admin.body.records as AccountAuditEntity[]).filter(
      (r) => r.action === 'reseal_trail',
    );
    expect(resealed.map((r) => r.targetId).sort()).toEqual([whole, mixed].sort());
    expect(resealed.find((r) => r.targetId === mixed)?.details).toMatchObject({
      fromSeq: 1,
      records: 3,
    });
    const [first] = await trail(whole);
    await expect(
      ds
        .createQueryBuilder()
        .update(DisputeEventEntity)
        .set({ actorId: 'x' })
        .where('id = :id', { id: first.id })
        .execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('verify:all reports a trail whose newest record was deleted', async () => {
    const cut = await caseOfThree();
    // As an owner of the database, who can lift the append-only triggers: delete record 3.
    const delTrigger = 'tg_dispute_events_no_delete';
    if (driver === 'postgres') await setTriggers(ds, driver, false);
    else await ds.query(`DROP TRIGGER IF EXISTS ${delTrigger}`);
    await ds.query(
      `DELETE FROM dispute_events WHERE dispute_id = ${driver === 'postgres' ? '$1' : '?'} AND seq = 3`,
      [cut],
    );
    if (driver === 'postgres') await setTriggers(ds, driver, true);
    else {
      await ds.query(
        `CREATE TRIGGER "${delTrigger}" BEFORE DELETE ON "dispute_events"
         BEGIN SELECT RAISE(ABORT, 'dispute_events is append-only: DELETE refused'); END`,
      );
    }

    // Records 1 and 2 still link and verify; only the case row (version 3) shows the cut.
    const found = (await verifyAllChains(ds)).broken.filter((b) => b.disputeId === cut);
    expect(found).toEqual([
      expect.objectContaining({
        problem: 'the case is at version 3 but its trail has 2 record(s)',
      }),
    ]);
  });

  it('refuses a record downgraded after keyed seals began', async () => {
    const id = await caseOfThree();
    await setTriggers(ds, driver, false);
    // Unsealed and rechained with SHA-256, but dated now: after the oldest keyed record.
    const records = await trail(id);
    let prevHash = '0'.repeat(64);
    for (const r of records) {
      const hash = hashRecord({ ...r, prevHash, keyId: null });
      await ds
        .createQueryBuilder()
        .update(DisputeEventEntity)
        .set({ prevHash, keyId: null, hash })
        .where('id = :id', { id: r.id })
        .execute();
      prevHash = hash;
    }
    await setTriggers(ds, driver, true);
    const report = await resealLegacyTrails(ds);
    const refusal = report.refused.find((r) => r.disputeId === id);
    expect(refusal?.problems).toContain('1: unsealed but written after keyed seals began');
    expect((await verify(id)).intact).toBe(false);
  });
});

async function setTriggers(ds: DataSource, driver: string, on: boolean): Promise<void> {
  if (driver === 'postgres') {
    await ds.query(`ALTER TABLE dispute_events ${on ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
  } else if (on) {
    await ds.query(
      `CREATE TRIGGER "tg_dispute_events_no_update" BEFORE UPDATE ON "dispute_events"
       BEGIN SELECT RAISE(ABORT, 'dispute_events is append-only: UPDATE refused'); END`,
    );
  } else {
    await ds.query('DROP TRIGGER IF EXISTS tg_dispute_events_no_update');
  }
}
