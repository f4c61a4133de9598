import { Injectable } from '@nestjs/common';
import { TransactionRunner, type DisputeEntity } from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../domain-errors';
import { loadVisibleDispute } from '../../disputes/dispute-finder';
import { JurisdictionService } from '../../jurisdiction/jurisdiction.service';
import { gatherCaseFacts, type AuditHead, type CaseFacts } from './case-facts';
import type { DocModel } from './doc-model';
import {
  DOCUMENT_KINDS,
  DOCUMENT_TEMPLATES,
  templateVersionOf,
  type DocumentKind,
} from './document-kinds';
import { dateTimeZh } from './labels';
import { renderDocument } from './render-off-thread';

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const MEDIA_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface DocumentListing {
  kind: DocumentKind;
  title: string;
  templateVersion: string;
  formats: DocumentFormat[];
}

export interface RenderedDocument {
  kind: DocumentKind;
  format: DocumentFormat;
  title: string;
  fileName: string;
  mediaType: string;
  templateVersion: string;
  /** The audit record the document was made from (the newest when it was generated). */
  auditSeq: number;
  auditHash: string;
  bytes: Buffer;
}

/**
 * The case's paperwork, generated on request from what the case holds, with the caller's view
 * of it (numbers unmasked only for its handlers). Each copy prints its template version and the
 * audit record it was made from, and says so in headers.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  async list(actor: Actor, disputeId: string): Promise<DocumentListing[]> {
    const facts = await this.tx.run(async (m) =>
      gatherCaseFacts(m, await loadVisibleDispute(m, this.jurisdiction, actor, disputeId), actor),
    );
    return availableKinds(facts).map((kind) => ({
      kind,
      title: DOCUMENT_TEMPLATES[kind].title,
      templateVersion: templateVersionOf(kind),
      formats: [...DOCUMENT_FORMATS],
    }));
  }

  async render(
    actor: Actor,
    disputeId: string,
    kind: DocumentKind,
    format: DocumentFormat,
    at: Date = new Date(),
  ): Promise<RenderedDocument> {
    const facts = await this.tx.run(async (m) =>
      gatherCaseFacts(m, await loadVisibleDispute(m, this.jurisdiction, actor, disputeId), actor),
    );
    if (!DOCUMENT_TEMPLATES[kind].available(facts)) {
      throw new NotFoundError(`document ${kind} is not available in this case's state`);
    }
    return renderKind(facts, kind, format, at);
  }

  /** What the documents are made of, inside the caller's transaction (the bundle's). */
  factsWithin(m: EntityManager, dispute: DisputeEntity, actor: Actor): Promise<CaseFacts> {
    return gatherCaseFacts(m, dispute, actor);
  }

  /** Every available document in both formats, for the bundle. */
  async renderAll(facts: CaseFacts, at: Date): Promise<RenderedDocument[]> {
    const documents: RenderedDocument[] = [];
    for (const kind of availableKinds(facts)) {
      for (const format of DOCUMENT_FORMATS) {
        documents.push(await renderKind(facts, kind, format, at));
      }
    }
    return documents;
  }
}

const availableKinds = (facts: CaseFacts): DocumentKind[] =>
  DOCUMENT_KINDS.filter((kind) => DOCUMENT_TEMPLATES[kind].available(facts));

function footerOf(facts: CaseFacts, kind: DocumentKind, head: AuditHead, at: Date): string[] {
  return [
    `模板版本：${templateVersionOf(kind)}`,
    `生成依据：案件${facts.view.reference}审计记录第${head.seq}条（哈希 ${head.hash}）`,
    `生成时间：${dateTimeZh(at)}（Tricolor 依案件记录自动生成）`,
  ];
}

async function renderKind(
  facts: CaseFacts,
  kind: DocumentKind,
  format: DocumentFormat,
  at: Date,
): Promise<RenderedDocument> {
  const template = DOCUMENT_TEMPLATES[kind];
  const model: DocModel = {
    title: template.title,
    subtitle: `案号：${facts.view.reference}`,
    blocks: template.blocks(facts),
    footer: footerOf(facts, kind, facts.head, at),
  };
  const bytes = await renderDocument(model, format, at);
  return {
    kind,
    format,
    title: template.title,
    fileName: `${facts.view.reference}-${kind}.${format}`,
    mediaType: MEDIA_TYPES[format],
    templateVersion: templateVersionOf(kind),
    auditSeq: facts.head.seq,
    auditHash: facts.head.hash,
    bytes,
  };
}
