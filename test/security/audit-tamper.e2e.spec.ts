import { AuditKeyring, hashRecord } from '@tricolor/core';
import { DisputeEntity, DisputeEventEntity } from '@tricolor/persistence';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type World } from '../support/world';

// Finding 1 of issue 9: someone with write access to the database rewrites a case's audit trail.
const KEY = 'k1:audit-key-for-the-tamper-test-0123456789';

interface Verdict {
  intact: boolean;
  records: number;
  problems: { seq: number | null; problem: string }[];
}

describe.each(DRIVERS)('a rewritten audit trail on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApi(driver, { AUDIT_KEYS: KEY });
    world = await buildWorld(api);
    ds = api.app.get(DataSource);
  }, 120_000);
  afterAll(() => api?.close());

  const auth = () => ({ Authorization: `Bearer ${world.token.gw1}` });

  /** A case with four records: OPEN and three transitions, the last one with an Idempotency-Key. */
  async function caseOfFour(): Promise<string> {
    const opened = await api.http().post('/disputes').set(auth()).send(disputeBody());
    expect(opened.status).toBe(201);
    const id = (opened.body as { id: string }).id;
    for (const [event, key] of [
      [{ type: 'SUSPEND', reason: 'party in hospital' }, undefined],
      [{ type: 'RESUME' }, undefined],
      [{ type: 'SUSPEND', reason: 'party travelling' }, 'key-1'],
    ] as const) {
      const req = api.http().post(`/disputes/${id}/events`).set(auth());
      if (key) req.set('Idempotency-Key', key);
      const res = await req.send(event);
      expect(res.status).toBe(200);
    }
    return id;
  }

  const verify = async (id: string): Promise<Verdict> => {
    const res = await api.http().get(`/disputes/${id}/audit/verify`).set(auth());
    expect(res.status).toBe(200);
    return res.body as Verdict;
  };

  const trail = (id: string) =>
    ds.manager.find(DisputeEventEntity, { where: { disputeId: id }, order: { seq: 'ASC' } });

  const rewrite = (record: DisputeEventEntity, changes: Partial<DisputeEventEntity>) =>
    ds
      .createQueryBuilder()
      .update(DisputeEventEntity)
      .set(changes)
      .where('id = :id', { id: record.id })
      .execute();

  const remove = (where: string, params: object) =>
    ds.createQueryBuilder().delete().from(DisputeEventEntity).where(where, params).execute();

  it('is refused by the database: records cannot be updated or deleted', async () => {
    const id = await caseOfFour();
    const [first] = await trail(id);
    await expect(rewrite(first, { actorId: 'someone-else' })).rejects.toThrow(/append-only/);
    await expect(remove('dispute_id = :id', { id })).rejects.toThrow(/append-only/);
    expect(await verify(id)).toMatchObject({ intact: true, records: 4 });
  });

  describe('by an owner of the database who lifts the triggers', () => {
    beforeAll(async () => {
      // The database owner can: that is why the seal, not the trigger, is the protection.
      if (driver === 'postgres') {
        await ds.query('ALTER TABLE dispute_events DISABLE TRIGGER USER');
      } else {
        await ds.query('DROP TRIGGER tg_dispute_events_no_update');
        await ds.query('DROP TRIGGER tg_dispute_events_no_delete');
      }
    });

    it('a payload changed and the chain recomputed with plain SHA-256 is reported', async () => {
      const id = await caseOfFour();
      const records = await trail(id);
      let prevHash = records[0].hash;
      for (const r of records.slice(1)) {
        const forged = {
          ...r,
          payload: r.seq === 2 ? { type: 'SUSPEND', reason: 'rewritten' } : r.payload,
          keyId: null,
          prevHash,
        };
        const hash = hashRecord(forged);
        await rewrite(r, { payload: forged.payload, keyId: null, prevHash, hash });
        prevHash = hash;
      }
      const verdict = await verify(id);
      expect(verdict.intact).toBe(false);
      expect(verdict.problems).toEqual(
        [2, 3, 4].map((seq) => ({ seq, problem: expect.stringMatching(/not sealed with a key/) })),
      );
    });

    it('a payload changed and resealed with a guessed key is reported', async () => {
      const id = await caseOfFour();
      const guess = new AuditKeyring('k1', {
        k1: 'tricolor-development-audit-key-not-for-production',
      });
      const [, second] = await trail(id);
      const forged = { ...second, payload: { type: 'SUSPEND', reason: 'rewritten' } };
      await rewrite(second, { payload: forged.payload, hash: hashRecord(forged, guess) });
      const verdict = await verify(id);
      expect(verdict.intact).toBe(false);
      expect(verdict.problems).toEqual(
        expect.arrayContaining([{ seq: 2, problem: 'its content does not match its hash' }]),
      );
    });

    it('the newest record deleted is reported against the case version', async () => {
      const id = await caseOfFour();
      await remove('dispute_id = :id AND seq = 4', { id });
      const verdict = await verify(id);
      expect(verdict).toMatchObject({ intact: false, records: 3 });
      expect(verdict.problems.map((p) => p.problem)).toEqual(
        expect.arrayContaining([
          'the case is at version 4 but its trail has 3 record(s)',
          'the case is at version 4 but its last record is 3',
        ]),
      );
    });

    it('every record of the case deleted is reported', async () => {
      const id = await caseOfFour();
      await remove('dispute_id = :id', { id });
      expect(await verify(id)).toMatchObject({
        intact: false,
        records: 0,
        problems: [
          { seq: null, problem: 'the case is at version 4 but its trail has 0 record(s)' },
        ],
      });
    });

    it('an edited Idempotency-Key answer is reported', async () => {
      const id = await caseOfFour();
      const [, , , fourth] = await trail(id);
      expect(fourth.response).not.toBeNull();
      await rewrite(fourth, { response: { ...fourth.response, status: 'closed' } });
      expect((await verify(id)).problems).toEqual([
        { seq: 4, problem: 'its content does not match its hash' },
      ]);
    });

    it('the case row set to closed is reported against its last record', async () => {
      const id = await caseOfFour();
      await ds
        .createQueryBuilder()
        .update(DisputeEntity)
        .set({ status: 'closed', tier: 'red' })
        .where('id = :id', { id })
        .execute();
      expect((await verify(id)).problems).toEqual([
        {
          seq: null,
          problem: 'the case row says status closed but its last record left it suspended',
        },
        { seq: null, problem: 'the case row says tier red but its last record left it blue' },
      ]);
    });

    it('a record removed from the middle is reported as a gap and a broken link', async () => {
      const id = await caseOfFour();
      await remove('dispute_id = :id AND seq = 2', { id });
      const problems = (await verify(id)).problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          { seq: 3, problem: 'expected record 2, found 3' },
          { seq: 3, problem: 'does not link to the record before it' },
        ]),
      );
    });
  });
});
