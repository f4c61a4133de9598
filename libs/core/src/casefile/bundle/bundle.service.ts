import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import { loadVisibleDispute } from '../../disputes/dispute-finder';
import { JurisdictionService } from '../../jurisdiction/jurisdiction.service';
import { AttachmentsService } from '../attachments.service';
import { DocumentsService } from '../documents/documents.service';
import { BundleSigner } from './bundle-signer';
import { writeZip, type ZipEntry } from './zip-writer';

export const BUNDLE_FORMAT = 'tricolor-bundle/1';
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  kind: 'audit_trail' | 'document' | 'attachment' | 'readme';
  templateVersion?: string;
  attachmentId?: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  dispute: { id: string; reference: string; status: string };
  issuedAt: string;
  issuedBy: { id: string; role: string };
  /** The newest audit record when the bundle was made; the trail in the bundle ends there. */
  chainHead: { seq: number; hash: string };
  files: ManifestFile[];
  signature: { algorithm: 'Ed25519'; publicKeyPem: string; fingerprint: string; file: string };
}

export interface Bundle {
  fileName: string;
  manifest: BundleManifest;
  zip: Buffer;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
// Names inside the ZIP: no path separators or control characters from a client's file name.
// eslint-disable-next-line no-control-regex
const safe = (name: string) => name.replace(/[\\/\u0000-\u001f\u007f:*?"<>|]/g, '_');

const README = `Tricolor 人民调解卷宗 / mediation case file bundle

本压缩包由 Tricolor 生成。manifest.json 列出每个文件的 SHA-256 和审计链的链头，
manifest.sig 是服务器对 manifest.json 的 Ed25519 签名。核验（只需 Node.js）：

    node tricolor-verify.mjs 本文件.zip [--public-key 指纹]

manifest.json lists each file's SHA-256 and the head of the case's hash-chained audit trail;
manifest.sig is the server's Ed25519 signature of manifest.json. Verify offline with
scripts/tricolor-verify.mjs (Node.js only), pinning the server's published key fingerprint.
`;

/**
 * The case file as one ZIP a court can check offline: the documents, the attachments, the audit
 * trail as JSON, and a signed manifest. Built from one consistent read of the case.
 */
@Injectable()
export class BundleService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly documents: DocumentsService,
    private readonly attachments: AttachmentsService,
    private readonly signer: BundleSigner,
  ) {}

  async build(actor: Actor, disputeId: string, at: Date = new Date()): Promise<Bundle> {
    const { facts, files } = await this.tx.run(async (m) => {
      const dispute = await loadVisibleDispute(m, this.jurisdiction, actor, disputeId);
      return {
        facts: await this.documents.factsWithin(m, dispute, actor),
        files: await this.attachments.filesOf(m, disputeId),
      };
    });
    // Rendering is slow next to the reads: done after the transaction, from what it read.
    const documents = await this.documents.renderAll(facts, at);
    const trail = facts.events.map(({ response: _response, idempotencyKey: _key, ...r }) => ({
      ...r,
      at: r.at.toISOString(),
    }));

    const entries: (ZipEntry & Omit<ManifestFile, 'sha256' | 'size'>)[] = [
      { path: 'README.txt', kind: 'readme', bytes: Buffer.from(README, 'utf8') },
      {
        path: 'audit-trail.json',
        kind: 'audit_trail',
        bytes: Buffer.from(JSON.stringify(trail, null, 2), 'utf8'),
      },
      ...documents.map((d) => ({
        path: `documents/${d.fileName}`,
        kind: 'document' as const,
        templateVersion: d.templateVersion,
        bytes: d.bytes,
      })),
      ...files.map((f) => ({
        path: `attachments/${f.attachment.id}-${safe(f.attachment.name)}`,
        kind: 'attachment' as const,
        attachmentId: f.attachment.id,
        bytes: f.bytes,
      })),
    ];
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      dispute: { id: facts.view.id, reference: facts.view.reference, status: facts.view.status },
      issuedAt: at.toISOString(),
      issuedBy: { id: actor.id, role: actor.role },
      chainHead: facts.head,
      files: entries.map(({ bytes, ...file }) => ({
        ...file,
        sha256: sha256(bytes),
        size: bytes.length,
      })),
      signature: { ...this.signer.info, file: SIGNATURE_PATH },
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
    const signature = Buffer.from(this.signer.sign(manifestBytes), 'utf8');
    const zip = writeZip(
      [
        { path: MANIFEST_PATH, bytes: manifestBytes },
        { path: SIGNATURE_PATH, bytes: signature },
        ...entries.map(({ path, bytes }) => ({ path, bytes })),
      ],
      at,
    );
    return { fileName: `${facts.view.reference}-bundle.zip`, manifest, zip };
  }
}
