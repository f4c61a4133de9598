import type { Actor, UnitKind } from '@tricolor/workflow';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Narrows a query on disputes (alias `d`) to the cases a stats request counts. */
export type CaseScope = <T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
) => SelectQueryBuilder<T>;

export interface CaseFilter {
  unit: {
    code: string;
    kind: UnitKind;
    /** The unit's street, and its community when it is a grid: where it sits. */
    streetCode: string;
    communityCode: string | null;
  } | null;
  from: Date | null;
  to: Date | null;
}

// Each is an indexed column of disputes (ix_disputes_street_code_status, _community_code, _grid_code).
const UNIT_COLUMN: Record<UnitKind, string> = {
  street: 'd.street_code',
  community: 'd.community_code',
  grid: 'd.grid_code',
};

/**
 * Cases of the unit opened in [from, to); the caller adds the jurisdiction scope.
 *
 * A community's cases all have its street, a grid's its street and community (a case takes all
 * three from its grid), so naming them too selects the same cases; it lets PostgreSQL read a
 * unit's cases as one range of ix_disputes_stats, keyed (street, community, grid, created_at).
 */
export function filterCases<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  filter: CaseFilter,
): SelectQueryBuilder<T> {
  const unit = filter.unit;
  if (unit) {
    if (unit.kind !== 'street') {
      qb.andWhere('d.street_code = :statsStreet', { statsStreet: unit.streetCode });
    }
    if (unit.kind === 'grid' && unit.communityCode !== null) {
      qb.andWhere('d.community_code = :statsCommunity', { statsCommunity: unit.communityCode });
    }
    qb.andWhere(`${UNIT_COLUMN[unit.kind]} = :statsUnit`, { statsUnit: unit.code });
  }
  if (filter.from) qb.andWhere('d.created_at >= :statsFrom', { statsFrom: filter.from });
  if (filter.to) qb.andWhere('d.created_at < :statsTo', { statsTo: filter.to });
  return qb;
}

/**
 * The same for the jurisdiction of a grid worker or community police officer, which names only
 * their grid or community: their street (and community) narrows nothing, it only leads the index.
 */
export function placeOfActor<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
): SelectQueryBuilder<T> {
  if (actor.role !== 'grid_worker' && actor.role !== 'community_police') return qb;
  if (actor.streetCode) {
    qb.andWhere('d.street_code = :statsActorStreet', { statsActorStreet: actor.streetCode });
  }
  if (actor.role === 'grid_worker' && actor.communityCode) {
    qb.andWhere('d.community_code = :statsActorCommunity', {
      statsActorCommunity: actor.communityCode,
    });
  }
  return qb;
}
