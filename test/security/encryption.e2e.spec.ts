import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, PARTIES, type World } from '../support/world';

// Issue 9, build item 7: the parties' ID and phone numbers encrypted at rest.
describe.each(DRIVERS)('personal numbers at rest on %s', (driver) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startApi(driver, {
      RUN_WORKER: 'false',
      DATA_KEYS: 'd1:data-key-for-the-encryption-test-0123456789',
    });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  it('stores no phone or ID number in clear, and shows them to the handler', async () => {
    const auth = { Authorization: `Bearer ${world.token.gw1}` };
    const opened = await api.http().post('/disputes').set(auth).send(disputeBody());
    const id = (opened.body as { id: string }).id;
    const sent = await api
      .http()
      .post(`/disputes/${id}/events`)
      .set(auth)
      .set('Idempotency-Key', 'enc-1')
      .send({ type: 'SUSPEND', reason: 'away' });
    expect(sent.body.parties[0].phone).toBe(PARTIES[0].phone);

    const ds = api.app.get(DataSource);
    const p = driver === 'postgres' ? '$1' : '?';
    const rows = [
      ...(await ds.query<unknown[]>(`SELECT parties FROM disputes WHERE id = ${p}`, [id])),
      ...(await ds.query<unknown[]>(`SELECT response FROM dispute_events WHERE dispute_id = ${p}`, [
        id,
      ])),
    ];
    const raw = JSON.stringify(rows);
    for (const secret of [PARTIES[0].phone, PARTIES[0].idNumber, PARTIES[1].phone]) {
      expect(raw).not.toContain(secret);
    }
    expect(raw).toContain('enc:v1:d1:');

    const read = await api.http().get(`/disputes/${id}`).set(auth);
    expect(read.body.parties[0]).toMatchObject({
      phone: PARTIES[0].phone,
      idNumber: PARTIES[0].idNumber,
    });
    const replay = await api
      .http()
      .post(`/disputes/${id}/events`)
      .set(auth)
      .set('Idempotency-Key', 'enc-1')
      .send({ type: 'SUSPEND', reason: 'away' });
    expect(replay.body.parties[0].phone).toBe(PARTIES[0].phone);
    const verdict = await api.http().get(`/disputes/${id}/audit/verify`).set(auth);
    expect(verdict.body).toMatchObject({ intact: true, records: 2 });
  });

  it('records every unmasked read of the numbers: who, when, which case', async () => {
    const auth = { Authorization: `Bearer ${world.token.gw1}` };
    const opened = await api.http().post('/disputes').set(auth).send(disputeBody());
    const id = (opened.body as { id: string }).id;
    await api.http().get(`/disputes/${id}`).set(auth);
    // A supervisor sees the numbers masked: nothing to record.
    const masked = await api
      .http()
      .get(`/disputes/${id}`)
      .set({ Authorization: `Bearer ${world.token.super1}` });
    expect(masked.body.parties[0].phone).toMatch(/^\*/);
    const p = driver === 'postgres' ? '$1' : '?';
    const rows = await api.app
      .get(DataSource)
      .query<{ user_id: string; via: string }[]>(
        `SELECT user_id, via FROM personal_data_reads WHERE dispute_id = ${p} ORDER BY at`,
        [id],
      );
    expect(rows.map((r) => [r.user_id, r.via])).toEqual([
      [world.id.gw1, 'POST /disputes'],
      [world.id.gw1, 'GET /disputes/:id'],
    ]);
  });
});
