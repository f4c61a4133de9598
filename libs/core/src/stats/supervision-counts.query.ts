import { DisputeEntity, SupervisionNoticeEntity } from '@tricolor/persistence';
import type { EntityManager } from 'typeorm';
import type { CaseScope } from './case-filter';
import type { SupervisionCounts } from './stats.types';

// SQLite returns timestamps as UTC text, PostgreSQL as Date.
const toDate = (value: unknown): Date =>
  value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);

/** Supervision notices (督办) on the selected cases: issued, still open, acknowledged. */
export async function readSupervisionCounts(
  m: EntityManager,
  scope: CaseScope,
  now: Date,
): Promise<SupervisionCounts> {
  const qb = m
    .createQueryBuilder(DisputeEntity, 'd')
    .innerJoin(SupervisionNoticeEntity, 'n', 'n.dispute_id = d.id')
    .select('n.acknowledged_at', 'acknowledgedAt')
    .addSelect('n.due_by', 'dueBy');
  const rows = await scope(qb).getRawMany<{ acknowledgedAt: unknown; dueBy: unknown }>();
  const open = rows.filter((r) => r.acknowledgedAt === null);
  return {
    issued: rows.length,
    open: open.length,
    acknowledged: rows.length - open.length,
    openPastDue: open.filter((r) => toDate(r.dueBy) < now).length,
  };
}
