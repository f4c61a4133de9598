import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AttachmentEntity,
  TransactionRunner,
  UserEntity,
  newId,
  type DisputeEntity,
} from '@tricolor/persistence';
import { isHandler, isStreetSupervisor, type Actor } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors';
import { CaseAnnotations } from '../disputes/case-annotations.service';
import { loadVisibleDispute } from '../disputes/dispute-finder';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { AttachmentStore } from './attachment-store';
import { sniffMediaType } from './sniff-media-type';

/** The audit records of the case file; annotations, not statechart events. */
export const ATTACHMENT_ADDED = 'ATTACHMENT_ADDED';
export const ATTACHMENT_WITHDRAWN = 'ATTACHMENT_WITHDRAWN';

export interface AttachmentView {
  id: string;
  disputeId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedByName: string | null;
  addedAt: string;
  /** The seq of the ATTACHMENT_ADDED record that holds the hash on the audit trail. */
  auditSeq: number;
  withdrawn: boolean;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
}

export interface AddAttachmentCommand {
  actor: Actor;
  disputeId: string;
  /** The uploader's file name, for display; the type comes from the bytes. */
  name: string;
  bytes: Buffer;
  expectedVersion?: number;
  at?: Date;
}

export interface AttachmentFile {
  attachment: AttachmentView;
  bytes: Buffer;
}

// Path parts and control characters out, so a name is only ever a label.
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? 'attachment' : clean.slice(0, 200);
}

/**
 * Evidence and signed scans on a case. Each file's SHA-256 is recorded on the case's hash chain
 * in the same transaction as its row, so the file cannot be swapped unnoticed; withdrawing one is
 * another recorded fact, and the bytes stay.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly annotations: CaseAnnotations,
    private readonly store: AttachmentStore,
  ) {}

  async add(command: AddAttachmentCommand): Promise<AttachmentView> {
    const { actor, disputeId, bytes } = command;
    const mediaType = sniffMediaType(bytes);
    if (mediaType === null) {
      throw new InvalidInputError('file', 'is not a JPEG, PNG, WebP, HEIC image or a PDF');
    }
    // 404 before any byte is stored.
    await this.tx.run((m) => loadVisibleDispute(m, this.jurisdiction, actor, disputeId));
    const id = newId();
    const storageKey = `${disputeId}/${id}`;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const name = displayName(command.name);
    const at = command.at ?? new Date();
    await this.store.put(storageKey, bytes);
    try {
      const row = await this.tx.run(async (m) => {
        const { record } = await this.annotations.recordWithin(m, {
          actor,
          disputeId,
          type: ATTACHMENT_ADDED,
          payload: { attachmentId: id, sha256, size: bytes.length, mediaType, name },
          at,
          ...(command.expectedVersion !== undefined
            ? { expectedVersion: command.expectedVersion }
            : {}),
        });
        const entity: AttachmentEntity = {
          id,
          disputeId,
          name,
          mediaType,
          size: bytes.length,
          sha256,
          storageKey,
          addedBy: actor.id,
          addedAt: at,
          addedSeq: record.seq,
          withdrawnAt: null,
          withdrawnBy: null,
          withdrawnReason: null,
        };
        await m.insert(AttachmentEntity, entity);
        return entity;
      });
      return (await this.views([row]))[0];
    } catch (error) {
      // The row never committed: the bytes must not linger as an unrecorded file.
      await this.store.discard(storageKey);
      throw error;
    }
  }

  /** The case's attachments, oldest first; withdrawn ones only when asked for. */
  async list(actor: Actor, disputeId: string, includeWithdrawn = false): Promise<AttachmentView[]> {
    const rows = await this.tx.run(async (m) => {
      await loadVisibleDispute(m, this.jurisdiction, actor, disputeId);
      return this.rowsOf(m, disputeId, includeWithdrawn);
    });
    return this.views(rows);
  }

  /** For the bundle: every attachment not withdrawn, with its bytes (caller checked access). */
  async filesOf(m: EntityManager, disputeId: string): Promise<AttachmentFile[]> {
    const rows = await this.rowsOf(m, disputeId, false);
    const views = await this.views(rows);
    return Promise.all(
      rows.map(async (row, i) => ({
        attachment: views[i],
        bytes: await this.store.get(row.storageKey),
      })),
    );
  }

  async download(actor: Actor, disputeId: string, attachmentId: string): Promise<AttachmentFile> {
    const row = await this.tx.run(async (m) => {
      await loadVisibleDispute(m, this.jurisdiction, actor, disputeId);
      return this.findRow(m, disputeId, attachmentId);
    });
    // Withdrawn is hidden: it stays in the store and in the audit trail, not in the case file.
    if (row.withdrawnAt !== null) throw NotFoundError.of('attachment', attachmentId);
    return {
      attachment: (await this.views([row]))[0],
      bytes: await this.store.get(row.storageKey),
    };
  }

  /** Hides a mistaken upload by a recorded event; the bytes and the ADDED record stay. */
  async withdraw(
    actor: Actor,
    disputeId: string,
    attachmentId: string,
    reason: string,
    at: Date = new Date(),
  ): Promise<AttachmentView> {
    const row = await this.tx.run(async (m) => {
      const dispute = await loadVisibleDispute(m, this.jurisdiction, actor, disputeId);
      const row = await this.findRow(m, disputeId, attachmentId);
      if (row.withdrawnAt !== null) throw NotFoundError.of('attachment', attachmentId);
      this.assertMayWithdraw(dispute, row, actor);
      await this.annotations.recordWithin(m, {
        actor,
        disputeId,
        type: ATTACHMENT_WITHDRAWN,
        payload: { attachmentId, reason },
        at,
      });
      const changes = { withdrawnAt: at, withdrawnBy: actor.id, withdrawnReason: reason };
      await m.update(AttachmentEntity, { id: attachmentId }, changes);
      return { ...row, ...changes };
    });
    return (await this.views([row]))[0];
  }

  private assertMayWithdraw(dispute: DisputeEntity, row: AttachmentEntity, actor: Actor): void {
    const ctx = dispute.snapshot.context;
    if (row.addedBy === actor.id || isHandler(ctx, actor) || isStreetSupervisor(ctx, actor)) {
      return;
    }
    throw new ForbiddenError(
      'only who added the attachment, a handler of the case or its supervisor may withdraw it',
    );
  }

  private async findRow(
    m: EntityManager,
    disputeId: string,
    attachmentId: string,
  ): Promise<AttachmentEntity> {
    const row = await m.findOne(AttachmentEntity, { where: { id: attachmentId, disputeId } });
    if (!row) throw NotFoundError.of('attachment', attachmentId);
    return row;
  }

  private async rowsOf(
    m: EntityManager,
    disputeId: string,
    includeWithdrawn: boolean,
  ): Promise<AttachmentEntity[]> {
    const rows = await m.find(AttachmentEntity, {
      where: { disputeId },
      order: { addedSeq: 'ASC' },
    });
    return includeWithdrawn ? rows : rows.filter((r) => r.withdrawnAt === null);
  }

  private async views(rows: AttachmentEntity[]): Promise<AttachmentView[]> {
    const ids = [...new Set(rows.map((r) => r.addedBy))];
    const users = ids.length
      ? await this.tx.run((m) =>
          m
            .createQueryBuilder(UserEntity, 'u')
            .select(['u.id', 'u.displayName'])
            .where('u.id IN (:...ids)', { ids })
            .getMany(),
        )
      : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map((r) => ({
      id: r.id,
      disputeId: r.disputeId,
      name: r.name,
      mediaType: r.mediaType,
      size: r.size,
      sha256: r.sha256,
      addedBy: r.addedBy,
      addedByName: names.get(r.addedBy) ?? null,
      addedAt: r.addedAt.toISOString(),
      auditSeq: r.addedSeq,
      withdrawn: r.withdrawnAt !== null,
      withdrawnAt: r.withdrawnAt ? r.withdrawnAt.toISOString() : null,
      withdrawnBy: r.withdrawnBy,
      withdrawnReason: r.withdrawnReason,
    }));
  }
}
