import { createHash } from 'node:crypto';
import { startApi, type TestApi } from '../support/api';
import { attachmentDataDir, SAMPLES } from '../support/casefile';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, type World } from '../support/world';

interface Opened {
  id: string;
  version: number;
}
interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedByName: string;
  auditSeq: number;
  withdrawn: boolean;
}
interface TrailRecord {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
}

const MAX = 4096;

describe.each(DRIVERS)('attachments on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let dir: Awaited<ReturnType<typeof attachmentDataDir>>;
  beforeAll(async () => {
    dir = await attachmentDataDir();
    api = await startApi(driver, {
      RUN_WORKER: 'false',
      DATA_DIR: dir.dataDir,
      ATTACHMENT_MAX_BYTES: String(MAX),
    });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await dir?.drop();
  });

  const { as, open } = worldClient(
    () => api,
    () => world,
  );
  const upload = (user: 'gw1' | 'gw3' | 'officer1', id: string, bytes: Buffer, filename: string) =>
    api
      .http()
      .post(`/disputes/${id}/attachments`)
      .set('Authorization', `Bearer ${world.token[user]}`)
      .attach('file', bytes, { filename, contentType: 'application/octet-stream' });

  it('stores a photo, lists it, serves it back, and puts its SHA-256 on the audit chain', async () => {
    const c = await open<Opened>('gw1');
    const res = await upload('gw1', c.id, SAMPLES.jpeg, '天花板.bin');
    expect(res.status).toBe(201);
    const added = res.body as Attachment;
    const sha256 = createHash('sha256').update(SAMPLES.jpeg).digest('hex');
    expect(added).toMatchObject({
      name: '天花板.bin',
      mediaType: 'image/jpeg',
      size: SAMPLES.jpeg.length,
      sha256,
      addedBy: world.id.gw1,
      addedByName: 'gw1',
      auditSeq: c.version + 1,
      withdrawn: false,
    });

    const listed = await as('officer1').get(`/disputes/${c.id}/attachments`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([added]);

    const got = await as('gw1')
      .get(`/disputes/${c.id}/attachments/${added.id}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (b: Buffer) => chunks.push(b));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-sha256']).toBe(sha256);
    expect(Buffer.compare(got.body as Buffer, SAMPLES.jpeg)).toBe(0);

    const trail = (await as('gw1').get(`/disputes/${c.id}/events`)).body as TrailRecord[];
    expect(trail.at(-1)).toMatchObject({
      seq: c.version + 1,
      type: 'ATTACHMENT_ADDED',
      payload: {
        attachmentId: added.id,
        sha256,
        size: SAMPLES.jpeg.length,
        mediaType: 'image/jpeg',
      },
    });
    expect((await as('gw1').get(`/disputes/${c.id}/audit/verify`)).body).toMatchObject({
      intact: true,
    });
  });

  it('refuses a renamed executable with 415 and an oversized file with 413, storing nothing', async () => {
    const c = await open<Opened>('gw1');
    const before = (await dir.files()).length;
    const exe = await upload('gw1', c.id, SAMPLES.exe, 'photo.jpg');
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({ statusCode: 415, error: expect.any(String) as string });
    const big = Buffer.concat([SAMPLES.pdf, Buffer.alloc(MAX, 0x20)]);
    const tooBig = await upload('gw1', c.id, big, 'scan.pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ statusCode: 413 });
    const none = await as('gw1')
      .post(`/disputes/${c.id}/attachments`, {})
      .set('Content-Type', 'application/json');
    expect(none.status).toBe(400);

    expect((await dir.files()).length).toBe(before);
    expect((await as('gw1').get(`/disputes/${c.id}/attachments`)).body).toEqual([]);
    expect((await as('gw1').get(`/disputes/${c.id}`)).body).toMatchObject({ version: c.version });
  });

  it('has the access rules of the case: another street sees no case and no file', async () => {
    const c = await open<Opened>('gw1');
    const res = await upload('gw3', c.id, SAMPLES.png, 'x.png');
    expect(res.status).toBe(404);
    const added = (await upload('gw1', c.id, SAMPLES.png, 'x.png')).body as Attachment;
    expect((await as('gw3').get(`/disputes/${c.id}/attachments`)).status).toBe(404);
    expect((await as('gw3').get(`/disputes/${c.id}/attachments/${added.id}`)).status).toBe(404);
  });

  it('withdraws a mistaken upload by a recorded event: hidden, never erased', async () => {
    const c = await open<Opened>('gw1');
    const added = (await upload('gw1', c.id, SAMPLES.pdf, 'wrong.pdf')).body as Attachment;
    const path = `/disputes/${c.id}/attachments/${added.id}`;
    expect((await as('gw1').post(`${path}/withdraw`, {})).status).toBe(400);
    const res = await as('gw1').post(`${path}/withdraw`, { reason: 'wrong case' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ withdrawn: true, withdrawnReason: 'wrong case' });

    expect((await as('gw1').get(`/disputes/${c.id}/attachments`)).body).toEqual([]);
    const all = await as('gw1').get(`/disputes/${c.id}/attachments?includeWithdrawn=true`);
    expect(all.body).toMatchObject([{ id: added.id, withdrawn: true }]);
    expect((await as('gw1').get(path)).status).toBe(404);
    expect(await dir.files()).toContain(added.id);

    const trail = (await as('gw1').get(`/disputes/${c.id}/events`)).body as TrailRecord[];
    expect(trail.slice(-2).map((r) => r.type)).toEqual([
      'ATTACHMENT_ADDED',
      'ATTACHMENT_WITHDRAWN',
    ]);
    expect(trail.at(-1)?.payload).toMatchObject({ attachmentId: added.id, reason: 'wrong case' });
    expect((await as('gw1').post(`${path}/withdraw`, { reason: 'again' })).status).toBe(404);
  });
});
