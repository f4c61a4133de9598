import { CaseAnnotations, ConflictError, NotFoundError } from '@tricolor/core';
import type { Actor } from '@tricolor/workflow';
import { startApi, type TestApi } from '../support/api';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, type World } from '../support/world';

interface Opened {
  id: string;
  version: number;
  status: string;
}

describe.each(DRIVERS)('facts recorded on a case without a state change on %s', (driver) => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  const { as, open } = worldClient(
    () => api,
    () => world,
  );
  const actor = (username: 'gw1' | 'gw3'): Actor => ({
    id: world.id[username],
    role: 'grid_worker',
    gridCode: username === 'gw1' ? 'G1' : 'G3',
  });

  it('chains the record, bumps the version, keeps the state, and the trail verifies', async () => {
    const c = await open<Opened>('gw1');
    const annotations = api.app.get(CaseAnnotations);
    const { version, record } = await annotations.record({
      actor: actor('gw1'),
      disputeId: c.id,
      type: 'ATTACHMENT_ADDED',
      payload: { sha256: 'ab'.repeat(32) },
      expectedVersion: c.version,
    });
    expect(version).toBe(c.version + 1);
    expect(record.seq).toBe(c.version + 1);

    const after = (await as('gw1').get(`/disputes/${c.id}`)).body as Opened;
    expect(after).toMatchObject({ version: c.version + 1, status: c.status });
    const trail = (await as('gw1').get(`/disputes/${c.id}/events`)).body as {
      type: string;
      fromStatus: string;
      toStatus: string;
    }[];
    expect(trail.at(-1)).toMatchObject({
      type: 'ATTACHMENT_ADDED',
      fromStatus: c.status,
      toStatus: c.status,
    });
    const verdict = await as('gw1').get(`/disputes/${c.id}/audit/verify`);
    expect(verdict.body).toMatchObject({ intact: true });

    // A transition after it chains on from the annotation.
    const sent = await as('gw1').post(`/disputes/${c.id}/events`, {
      type: 'SUSPEND',
      reason: 'party in hospital',
      expectedVersion: version,
    });
    expect(sent.status).toBe(200);
    expect((await as('gw1').get(`/disputes/${c.id}/audit/verify`)).body).toMatchObject({
      intact: true,
    });
  });

  it('refuses a stale version and a case the actor may not see, writing nothing', async () => {
    const c = await open<Opened>('gw1');
    const annotations = api.app.get(CaseAnnotations);
    const base = { disputeId: c.id, type: 'SUPERVISION_NOTICE', payload: { note: 'x' } };
    await expect(
      annotations.record({ ...base, actor: actor('gw1'), expectedVersion: c.version + 5 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(annotations.record({ ...base, actor: actor('gw3') })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const after = (await as('gw1').get(`/disputes/${c.id}`)).body as Opened;
    expect(after.version).toBe(c.version);
  });
});
