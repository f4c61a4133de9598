import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DisputeEntity, RowCodec, TransactionRunner, WriteBatch } from '@tricolor/persistence';
import { MACHINE_VERSION, migrateWorkflow, SYSTEM_ACTOR_ID } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { appendEvent } from '../disputes/event-log';

/** The audit record a snapshot migration appends to each case it migrates. */
export const MIGRATION_RECORD_TYPE = 'MIGRATE_SNAPSHOT';

export interface MigrationReport {
  migrated: string[];
  /** Cases another process migrated (or changed) first: left to it. */
  skipped: string[];
}

/**
 * Brings every open case persisted by an older statechart to MACHINE_VERSION before the process
 * serves anything: the snapshot is migrated by the workflow's explicit migration (never guessed),
 * and the case's row, its version and an audit record of the migration commit together. Timer
 * rows are not touched — the migration keeps every armed timer as it was. Several processes may
 * start at once: each case is claimed under its version, so it is migrated exactly once. Closed
 * cases are never written again; the engine migrates them in memory when they are read.
 */
@Injectable()
export class SnapshotMigrationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SnapshotMigrationService.name);

  constructor(private readonly tx: TransactionRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    const report = await this.migrateAll();
    if (report.migrated.length > 0)
      this.logger.log(
        `migrated ${report.migrated.length} open case(s) to machine version ${MACHINE_VERSION}`,
      );
  }

  async migrateAll(at: Date = new Date()): Promise<MigrationReport> {
    const stale = await this.tx.run((m) =>
      m
        .createQueryBuilder(DisputeEntity, 'd')
        .select(['d.id'])
        .where('d.machineVersion < :version', { version: MACHINE_VERSION })
        .andWhere('d.status <> :closed', { closed: 'closed' })
        .orderBy('d.id')
        .getMany(),
    );
    const report: MigrationReport = { migrated: [], skipped: [] };
    for (const { id } of stale) {
      const done = await this.tx.run((m) => this.migrateOne(m, id, at));
      (done ? report.migrated : report.skipped).push(id);
    }
    return report;
  }

  private async migrateOne(m: EntityManager, id: string, at: Date): Promise<boolean> {
    const dispute = await m.findOne(DisputeEntity, { where: { id } });
    if (!dispute || dispute.status === 'closed' || dispute.machineVersion >= MACHINE_VERSION)
      return false;
    const migrated = migrateWorkflow(dispute.snapshot, MACHINE_VERSION);
    const [affected] = await new WriteBatch()
      .add(
        RowCodec.of(m, DisputeEntity).update(
          {
            snapshot: migrated.state,
            machineVersion: migrated.toVersion,
            version: dispute.version + 1,
            updatedAt: at,
          },
          'id = :id AND version = :version',
          { id, version: dispute.version },
        ),
      )
      .run(m);
    if (affected !== 1) return false;
    await appendEvent(m, {
      disputeId: id,
      type: MIGRATION_RECORD_TYPE,
      actorId: SYSTEM_ACTOR_ID,
      actorRole: 'system',
      payload: {
        fromVersion: migrated.fromVersion,
        toVersion: migrated.toVersion,
        notes: migrated.notes,
      },
      fromStatus: dispute.status,
      toStatus: dispute.status,
      fromTier: dispute.tier,
      toTier: dispute.tier,
      at,
      machineVersion: migrated.toVersion,
      idempotencyKey: null,
      response: null,
    });
    return true;
  }
}
