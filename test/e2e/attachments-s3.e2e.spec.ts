import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApi, type TestApi } from '../support/api';
import { SAMPLES, binaryParser } from '../support/casefile';
import { worldClient } from '../support/client';
import { buildWorld, type World } from '../support/world';

/**
 * Just enough of the S3 protocol to hold objects (path-style PUT, GET, DELETE): the store is
 * driven by the real AWS SDK, so what it sends is what MinIO or AWS would receive.
 */
function fakeS3(): Promise<{ server: Server; url: string; objects: Map<string, Buffer> }> {
  const objects = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const key = decodeURIComponent((req.url ?? '').split('?')[0]);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'PUT') {
        if (req.headers['if-none-match'] === '*' && objects.has(key)) {
          res.writeHead(412).end();
          return;
        }
        objects.set(key, Buffer.concat(chunks));
        res.writeHead(200, { ETag: '"e"' }).end();
      } else if (req.method === 'GET' && objects.has(key)) {
        const body = objects.get(key)!;
        res.writeHead(200, { 'Content-Length': body.length }).end(body);
      } else if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204).end();
      } else {
        res
          .writeHead(404, { 'Content-Type': 'application/xml' })
          .end('<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        objects,
      }),
    ),
  );
}

describe('attachments in an S3-compatible bucket', () => {
  let api: TestApi;
  let world: World;
  let s3: Awaited<ReturnType<typeof fakeS3>>;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  beforeAll(async () => {
    s3 = await fakeS3();
    process.env.AWS_ACCESS_KEY_ID = 'test-key';
    process.env.AWS_SECRET_ACCESS_KEY = 'test-secret';
    api = await startApi('sqlite', {
      RUN_WORKER: 'false',
      ATTACHMENT_S3_BUCKET: 'casefile',
      ATTACHMENT_S3_ENDPOINT: s3.url,
      ATTACHMENT_S3_PREFIX: 'tricolor/',
    });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    s3?.server.close();
    process.env.AWS_ACCESS_KEY_ID = saved.id;
    process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
  });

  const { as, open } = worldClient(
    () => api,
    () => world,
  );

  it('puts the bytes under the bucket and prefix, and serves them back', async () => {
    const c = await open<{ id: string }>('gw1');
    const res = await api
      .http()
      .post(`/disputes/${c.id}/attachments`)
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .attach('file', SAMPLES.pdf, { filename: 'scan.pdf' });
    expect(res.status).toBe(201);
    const { id } = res.body as { id: string };
    const stored = s3.objects.get(`/casefile/tricolor/${c.id}/${id}`);
    expect(stored && Buffer.compare(stored, SAMPLES.pdf)).toBe(0);

    const got = await as('gw1')
      .get(`/disputes/${c.id}/attachments/${id}`)
      .buffer(true)
      .parse(binaryParser);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, SAMPLES.pdf)).toBe(0);
  });
});
