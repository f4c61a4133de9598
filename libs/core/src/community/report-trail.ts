import {
  CommunityReportEntity,
  CommunityReportEventEntity,
  newId,
  type JsonObject,
} from '@tricolor/persistence';
import type { EntityManager } from 'typeorm';
import { asRow } from '../as-row';
import { ConflictError } from '../domain-errors';
import type { ReportEventType } from './rules/vocabulary';

export interface ReportChange {
  type: ReportEventType;
  actorId: string;
  actorRole: string;
  payload: JsonObject;
  at: Date;
}

/**
 * Applies `changes` to a report under its version and appends the audit record that says why,
 * in the caller's transaction. A report changed meanwhile is a 409, and nothing is written.
 */
export async function changeReport(
  m: EntityManager,
  report: CommunityReportEntity,
  changes: Partial<CommunityReportEntity>,
  record: ReportChange,
): Promise<CommunityReportEntity> {
  const version = report.version + 1;
  const result = await m
    .createQueryBuilder()
    .update(CommunityReportEntity)
    .set(asRow<CommunityReportEntity>({ ...report, ...changes, version, updatedAt: record.at }))
    .where('id = :id AND version = :expected', { id: report.id, expected: report.version })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError(
      `report ${report.reference} was changed meanwhile; reload it and retry`,
    );
  }
  await appendReportEvent(m, report.id, version, record);
  return { ...report, ...changes, version, updatedAt: record.at };
}

export async function appendReportEvent(
  m: EntityManager,
  reportId: string,
  seq: number,
  record: ReportChange,
): Promise<void> {
  await m.insert(
    CommunityReportEventEntity,
    asRow<CommunityReportEventEntity>({
      id: newId(),
      reportId,
      seq,
      type: record.type,
      actorId: record.actorId,
      actorRole: record.actorRole,
      payload: record.payload,
      at: record.at,
    }),
  );
}
