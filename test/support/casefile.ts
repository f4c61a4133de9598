import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Response } from 'supertest';

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

/** supertest's parser for a binary body: the raw bytes as one Buffer. */
export function binaryParser(
  res: Response,
  done: (error: Error | null, body: Buffer) => void,
): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (b: Buffer) => chunks.push(b));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The text of a PDF as poppler's pdftotext reads it, whitespace removed (lines wrap anywhere). */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
    .toString('utf8')
    .replace(/\s+/g, '');
}

/** One file of a ZIP (a DOCX is one), read with unzip. */
export function zipEntry(zip: Buffer, entry: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tricolor-zip-'));
  try {
    const file = path.join(dir, 'f.zip');
    writeFileSync(file, zip);
    return execFileSync('unzip', ['-p', file, entry]).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The visible text of a DOCX body: the runs of word/document.xml, joined. */
export function docxText(docx: Buffer): string {
  const xml = zipEntry(docx, 'word/document.xml');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/\s+/g, '');
}

/** The entries of a ZIP of stored entries (what the bundle writes), in order. */
export function readStoredZip(zip: Buffer): { path: string; bytes: Buffer }[] {
  const entries: { path: string; bytes: Buffer }[] = [];
  let p = 0;
  while (zip.readUInt32LE(p) === 0x04034b50) {
    const size = zip.readUInt32LE(p + 18);
    const nameLength = zip.readUInt16LE(p + 26);
    const extra = zip.readUInt16LE(p + 28);
    const start = p + 30 + nameLength + extra;
    entries.push({
      path: zip.subarray(p + 30, p + 30 + nameLength).toString('utf8'),
      bytes: Buffer.from(zip.subarray(start, start + size)),
    });
    p = start + size;
  }
  return entries;
}

export interface VerifyResult {
  status: number | null;
  report: { ok: boolean; checks: { ok: boolean; check: string; detail: string }[] };
}

/** Runs the standalone verifier on a bundle, as a court would: `node tricolor-verify.mjs`. */
export function runVerifier(zip: Buffer, ...args: string[]): VerifyResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'tricolor-bundle-'));
  try {
    const file = path.join(dir, 'bundle.zip');
    writeFileSync(file, zip);
    const run = spawnSync(
      process.execPath,
      [path.join(__dirname, '../../scripts/tricolor-verify.mjs'), file, '--json', ...args],
      { encoding: 'utf8' },
    );
    return { status: run.status, report: JSON.parse(run.stdout) as VerifyResult['report'] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
