import { Injectable } from '@nestjs/common';
import {
  DisputeEntity,
  RowCodec,
  TransactionRunner,
  WriteBatch,
  isUniqueViolation,
  type DisputeEventEntity,
  type JsonObject,
} from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { ConflictError } from '../domain-errors';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { loadForTransition } from './dispute-finder';
import { chainRecord, insertEvent } from './event-log';

/**
 * A fact recorded on a case that is not a step of the statechart: an attachment and its hash, a
 * supervision notice, a deadline moved by a calendar edit. Upper-case like the events, and
 * distinct from every statechart event type.
 */
export interface AnnotateCommand {
  actor: Actor;
  disputeId: string;
  type: string;
  payload: JsonObject;
  /** As on events: a stale version is a 409. */
  expectedVersion?: number;
  /** The server's clock; tests pass their own. */
  at?: Date;
}

export interface Annotation {
  record: DisputeEventEntity;
  /** The case's version after the record. */
  version: number;
}

/**
 * Appends a record to a case's hash-chained audit trail without changing its state. The case's
 * `version` still goes up by one, under the same optimistic check as a transition, so the trail
 * has exactly `version` records and a client holding an old version learns the case changed.
 */
@Injectable()
export class CaseAnnotations {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  /** In a transaction of its own. */
  record(command: AnnotateCommand): Promise<Annotation> {
    return this.tx.run((m) => this.recordWithin(m, command));
  }

  /**
   * Inside the caller's transaction, so the annotation commits with the caller's own rows (an
   * attachment row and its record, say) or not at all. The case must be one the actor may see.
   */
  async recordWithin(m: EntityManager, command: AnnotateCommand): Promise<Annotation> {
    const { actor, disputeId } = command;
    const { dispute, head } = await loadForTransition(
      m,
      disputeId,
      this.jurisdiction.scopeCondition(actor),
    );
    if (command.expectedVersion !== undefined && command.expectedVersion !== dispute.version) {
      throw ConflictError.staleVersion(command.expectedVersion, dispute.version);
    }
    const at = command.at ?? new Date();
    const version = dispute.version + 1;
    const record = chainRecord(
      {
        disputeId,
        type: command.type,
        actorId: actor.id,
        actorRole: actor.role,
        payload: { type: command.type, ...command.payload },
        fromStatus: dispute.status,
        toStatus: dispute.status,
        fromTier: dispute.tier,
        toTier: dispute.tier,
        at,
        machineVersion: dispute.snapshot.machineVersion,
        idempotencyKey: null,
        response: null,
      },
      head,
    );
    const batch = new WriteBatch()
      .add(
        RowCodec.of(m, DisputeEntity).update(
          { version, updatedAt: at },
          'id = :id AND version = :version',
          { id: dispute.id, version: dispute.version },
        ),
      )
      .add(insertEvent(m, record));
    const changed = () =>
      new ConflictError(`the case changed while ${command.type} was being recorded: retry`);
    let affected: number[];
    try {
      affected = await batch.run(m);
    } catch (error) {
      if (isUniqueViolation(error)) throw changed();
      throw error;
    }
    if (affected[0] !== 1) throw changed();
    return { record, version };
  }
}
