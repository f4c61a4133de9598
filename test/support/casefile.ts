import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A DATA_DIR of the suite's own, so attachment files can be counted and are removed. */
export async function attachmentDataDir(): Promise<{
  dataDir: string;
  files(): Promise<string[]>;
  drop(): Promise<void>;
}> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tricolor-casefile-'));
  return {
    dataDir,
    async files() {
      const root = path.join(dataDir, 'attachments');
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries.filter((e) => e.isFile()).map((e) => e.name);
    },
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** The first bytes of each accepted type and of things that are refused. */
export const SAMPLES = {
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF ceiling photo')]),
  png: Buffer.concat([Buffer.from([0x89]), Buffer.from('PNG\r\n\x1a\n'), Buffer.from('IHDR')]),
  pdf: Buffer.from('%PDF-1.4\n% a signed scan\n'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]),
};
