import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { writeZip } from '@tricolor/core';
import { startApi, type TestApi } from '../support/api';
import {
  SAMPLES,
  attachmentDataDir,
  binaryParser,
  readStoredZip,
  runVerifier,
  zipEntry,
} from '../support/casefile';
import { worldClient } from '../support/client';
import { DRIVERS } from '../support/databases';
import { buildWorld, type World } from '../support/world';

interface Opened {
  id: string;
  reference: string;
}
interface Manifest {
  chainHead: { seq: number; hash: string };
  files: { path: string; sha256: string; size: number; kind: string }[];
  signature: { fingerprint: string };
}

const AT = new Date('2026-12-01T00:00:00Z');

describe.each(DRIVERS)('the case-file bundle on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let dir: Awaited<ReturnType<typeof attachmentDataDir>>;
  let zip: Buffer;
  let fingerprint: string;
  beforeAll(async () => {
    dir = await attachmentDataDir();
    api = await startApi(driver, { RUN_WORKER: 'false', DATA_DIR: dir.dataDir });
    world = await buildWorld(api);
    const { open, send } = worldClient(
      () => api,
      () => world,
    );
    const c = await open<Opened>('gw1', { description: '楼上漏水，楼下天花板受损。' });
    await api
      .http()
      .post(`/disputes/${c.id}/attachments`)
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .attach('file', SAMPLES.jpeg, { filename: '天花板.jpg' })
      .expect(201);
    await send('gw1', c.id, {
      type: 'REACH_AGREEMENT',
      terms: '张三七日内修复防水层。',
      signedByPartyIds: ['p1', 'p2'],
    });
    const res = await api
      .http()
      .get(`/disputes/${c.id}/bundle`)
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .buffer(true)
      .parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    zip = res.body as Buffer;
    const key = await api.http().get('/casefile/signing-key');
    fingerprint = (key.body as { fingerprint: string }).fingerprint;
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await dir?.drop();
  });

  const entries = () => readStoredZip(zip);
  const manifestOf = (list: { path: string; bytes: Buffer }[]) =>
    JSON.parse(list.find((e) => e.path === 'manifest.json')!.bytes.toString('utf8')) as Manifest;
  const rezip = (list: { path: string; bytes: Buffer }[]) => writeZip(list, AT);
  const failed = (r: ReturnType<typeof runVerifier>) =>
    r.report.checks.filter((c) => !c.ok).map((c) => c.check);

  it('holds the documents, the attachment, the trail and a signed manifest, and verifies offline', () => {
    const list = entries();
    const paths = list.map((e) => e.path);
    expect(paths.slice(0, 4)).toEqual([
      'manifest.json',
      'manifest.sig',
      'README.txt',
      'audit-trail.json',
    ]);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^documents\/.*-agreement\.pdf$/),
        expect.stringMatching(/^documents\/.*-agreement\.docx$/),
        expect.stringMatching(/^documents\/.*-application\.pdf$/),
        expect.stringMatching(/^attachments\/.*-天花板\.jpg$/),
      ]),
    );
    const manifest = manifestOf(list);
    expect(manifest.signature.fingerprint).toBe(fingerprint);
    // An ordinary unzip reads it too.
    expect(zipEntry(zip, 'manifest.json')).toBe(list[0].bytes.toString('utf8'));
    const trail = JSON.parse(list.find((e) => e.path === 'audit-trail.json')!.bytes.toString()) as {
      seq: number;
      hash: string;
      response?: unknown;
    }[];
    expect(manifest.chainHead).toEqual({ seq: trail.at(-1)!.seq, hash: trail.at(-1)!.hash });
    expect(trail[0]).not.toHaveProperty('response');

    const result = runVerifier(zip, '--public-key', fingerprint);
    expect(failed(result)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('catches a changed document, even in a well-formed ZIP', () => {
    const list = entries().map((e) =>
      e.path.endsWith('-agreement.pdf')
        ? { ...e, bytes: Buffer.concat([e.bytes, Buffer.from('%x')]) }
        : e,
    );
    const result = runVerifier(rezip(list));
    expect(result.status).toBe(1);
    expect(failed(result)).toEqual(['file']);
  });

  it('catches a swapped attachment whose hash was also rewritten in the manifest', () => {
    const list = entries();
    const manifest = manifestOf(list);
    const photo = list.find((e) => e.path.startsWith('attachments/'))!;
    photo.bytes = Buffer.concat([SAMPLES.jpeg, Buffer.from('another photo')]);
    const listed = manifest.files.find((f) => f.path === photo.path)!;
    listed.sha256 = createHash('sha256').update(photo.bytes).digest('hex');
    listed.size = photo.bytes.length;
    list.find((e) => e.path === 'manifest.json')!.bytes = Buffer.from(
      JSON.stringify(manifest, null, 2),
    );
    const result = runVerifier(rezip(list));
    expect(result.status).toBe(1);
    // The signature no longer matches, and the chain still holds the original photo's hash.
    expect(failed(result)).toEqual(expect.arrayContaining(['signature', 'attachment']));
  });

  it('catches an edited audit trail and a manifest re-signed with another key', () => {
    const list = entries();
    const trailEntry = list.find((e) => e.path === 'audit-trail.json')!;
    trailEntry.bytes = Buffer.from(
      trailEntry.bytes.toString('utf8').replace('张三七日内', '李四七日内'),
    );
    const manifest = manifestOf(list);
    const listed = manifest.files.find((f) => f.path === 'audit-trail.json')!;
    listed.sha256 = createHash('sha256').update(trailEntry.bytes).digest('hex');
    listed.size = trailEntry.bytes.length;
    // A forger with a key of their own signs the new manifest.
    const forger = generateKeyPairSync('ed25519');
    const forged = {
      ...manifest,
      signature: {
        ...manifest.signature,
        publicKeyPem: forger.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      },
    };
    const bytes = Buffer.from(JSON.stringify(forged, null, 2));
    list.find((e) => e.path === 'manifest.json')!.bytes = bytes;
    list.find((e) => e.path === 'manifest.sig')!.bytes = Buffer.from(
      sign(null, bytes, forger.privateKey).toString('base64'),
    );
    const result = runVerifier(rezip(list), '--public-key', fingerprint);
    expect(result.status).toBe(1);
    // The records are sealed with the office's HMAC key, which the court does not hold: the
    // pinned signing key is what catches the rewritten trail.
    expect(failed(result)).toEqual(['signing key']);
  });

  it('catches a flipped byte and an added file', () => {
    const flipped = Buffer.from(zip);
    const at = flipped.indexOf(Buffer.from('%PDF-'));
    flipped[at + 200] ^= 0xff;
    expect(failed(runVerifier(flipped))).toEqual(expect.arrayContaining(['zip', 'file']));
    const added = rezip([...entries(), { path: 'attachments/extra.jpg', bytes: SAMPLES.jpeg }]);
    expect(failed(runVerifier(added))).toEqual(['file']);
  });
});
