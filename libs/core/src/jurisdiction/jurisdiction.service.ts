import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UnitEntity } from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import type { Repository, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { UserIdentity } from './user-identity';

/** Where a unit sits: its own code and its ancestors' (DESIGN.md §2). */
export interface UnitPlace {
  code: string;
  kind: UnitEntity['kind'];
  streetCode: string;
  communityCode: string | null;
  gridCode: string | null;
}

/**
 * Turns a user into an Actor with their jurisdiction, and a query into one that only sees what
 * their role and unit allow (§4). Units never move once created, so their places are cached.
 */
/** An SQL condition on disputes (alias `d`) with `:named` parameters. */
export interface ScopeCondition {
  sql: string;
  params: Record<string, string>;
}

@Injectable()
export class JurisdictionService {
  private readonly places = new Map<string, UnitPlace>();

  constructor(@InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>) {}

  async placeOf(unitCode: string): Promise<UnitPlace | undefined> {
    const cached = this.places.get(unitCode);
    if (cached) return cached;
    const unit = await this.units.findOne({ where: { code: unitCode } });
    if (!unit) return undefined;
    const place: UnitPlace = {
      code: unit.code,
      kind: unit.kind,
      streetCode: unit.streetCode,
      communityCode: unit.communityCode,
      gridCode: unit.kind === 'grid' ? unit.code : null,
    };
    this.places.set(unitCode, place);
    return place;
  }

  async actorFor(user: UserIdentity): Promise<Actor> {
    const place = await this.placeOf(user.unitCode);
    return {
      id: user.id,
      role: user.role,
      institution: user.institution ?? null,
      streetCode: place?.streetCode ?? null,
      communityCode: place?.communityCode ?? null,
      gridCode: place?.gridCode ?? null,
    };
  }

  /**
   * Narrows a query on disputes (alias `d`) to what the actor may see: a case they may not see
   * does not exist for them. Panel members and lawyers also see the cases they are assigned to.
   */
  scope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
    const condition = this.scopeCondition(actor);
    return condition ? qb.andWhere(condition.sql, condition.params) : qb;
  }

  /** `scope` as an SQL condition on alias `d` with `:named` parameters; null sees everything. */
  scopeCondition(actor: Actor): ScopeCondition | null {
    const assigned =
      'd.id IN (SELECT a.dispute_id FROM dispute_assignments a WHERE a.user_id = :scopeUser)';
    const on = (sql: string, params: Record<string, string>): ScopeCondition => ({ sql, params });
    switch (actor.role) {
      case 'admin':
      case 'system':
        return null;
      case 'grid_worker':
        return on('d.grid_code = :scopeGrid', { scopeGrid: actor.gridCode ?? '' });
      // Auxiliary police see their community's cases (never as handlers, so masked).
      case 'community_police':
      case 'auxiliary_police':
        return on('d.community_code = :scopeCommunity', {
          scopeCommunity: actor.communityCode ?? '',
        });
      case 'judicial_officer':
      case 'supervisor':
        return on('d.street_code = :scopeStreet', { scopeStreet: actor.streetCode ?? '' });
      case 'panel_member':
        return on(`((d.street_code = :scopeStreet AND d.tier = 'red') OR ${assigned})`, {
          scopeStreet: actor.streetCode ?? '',
          scopeUser: actor.id,
        });
      case 'lawyer':
        return on(assigned, { scopeUser: actor.id });
      // Volunteers file 社情 reports only: no case exists for them.
      case 'volunteer':
        return on('1 = 0', {});
    }
  }
}
