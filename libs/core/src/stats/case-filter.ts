import type { UnitKind } from '@tricolor/workflow';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Narrows a query on disputes (alias `d`) to the cases a stats request counts. */
export type CaseScope = <T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
) => SelectQueryBuilder<T>;

export interface CaseFilter {
  unit: { code: string; kind: UnitKind } | null;
  from: Date | null;
  to: Date | null;
}

// Each is an indexed column of disputes (ix_disputes_street_code_status, _community_code, _grid_code).
const UNIT_COLUMN: Record<UnitKind, string> = {
  street: 'd.street_code',
  community: 'd.community_code',
  grid: 'd.grid_code',
};

/** Cases of the unit opened in [from, to); the caller adds the jurisdiction scope. */
export function filterCases<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  filter: CaseFilter,
): SelectQueryBuilder<T> {
  if (filter.unit) {
    qb.andWhere(`${UNIT_COLUMN[filter.unit.kind]} = :statsUnit`, { statsUnit: filter.unit.code });
  }
  if (filter.from) qb.andWhere('d.created_at >= :statsFrom', { statsFrom: filter.from });
  if (filter.to) qb.andWhere('d.created_at < :statsTo', { statsTo: filter.to });
  return qb;
}
