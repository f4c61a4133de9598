import { Module } from '@nestjs/common';
import { SnapshotMigrationService } from './snapshot-migration.service';

/** Migrates persisted cases to the current statechart when a process starts (docs/law.md). */
@Module({ providers: [SnapshotMigrationService], exports: [SnapshotMigrationService] })
export class WorkflowMigrationModule {}
