import { Injectable } from '@nestjs/common';
import { HeavyReads } from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import { InvalidInputError, NotFoundError } from '../domain-errors';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { filterCases, placeOfActor, type CaseFilter, type CaseScope } from './case-filter';
import { readCaseGroups } from './case-groups.query';
import { summariseGroups, timePerTier } from './stats-summary';
import type { Stats, StatsQuery } from './stats.types';
import { readTierTimes } from './tier-times.query';
import { readSupervisionCounts } from './supervision-counts.query';
import { readRolledCaseGroups, readRolledTierTimes } from './rolled-stats.query';
import { rollupSliceOf } from './rollup-scope';

/**
 * GET /stats: how the cases an actor may see fared, by unit and period (DESIGN.md §1, §6).
 * Counts are one GROUP BY, time per tier one aggregate, both over columns of the selected cases
 * alone (their tier clock, kept on every transition: tier-clock.ts), which on PostgreSQL one
 * covering index holds (ix_disputes_stats): no audit trail, no table rows.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly heavy: HeavyReads,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  stats(actor: Actor, query: StatsQuery = {}, now: Date = new Date()): Promise<Stats> {
    return this.compute(actor, query, now, true);
  }

  /**
   * The same figures counted from every case in `disputes`, without the roll-up, medians exact:
   * what the roll-up must agree with (its tests compare the two).
   */
  statsFromScratch(actor: Actor, query: StatsQuery = {}, now: Date = new Date()): Promise<Stats> {
    return this.compute(actor, query, now, false);
  }

  private async compute(
    actor: Actor,
    query: StatsQuery,
    now: Date,
    rollup: boolean,
  ): Promise<Stats> {
    const filter = await this.filterOf(query);
    // The actor's jurisdiction first: a case they may not see is never counted.
    const scope: CaseScope = (qb) =>
      filterCases(placeOfActor(this.jurisdiction.scope(qb, actor), actor), filter);
    // Two transactions, so that on PostgreSQL the two scans run at once on two connections (on
    // SQLite they queue on the read thread, off the API's thread: HeavyReads). One transaction at
    // READ COMMITTED gave each statement its own snapshot too: the counts and the times were
    // never read at one instant.
    // A district's or a street's closed cases from the roll-up (rollup-sql.ts), the rest live.
    const slice = rollup ? rollupSliceOf(actor, filter) : null;
    const [groups, times, supervision] = await Promise.all([
      this.heavy.run((m) =>
        slice ? readRolledCaseGroups(m, scope, slice, now) : readCaseGroups(m, scope, now),
      ),
      this.heavy.run((m) =>
        slice ? readRolledTierTimes(m, scope, slice, now) : readTierTimes(m, scope, now),
      ),
      this.heavy.run((m) => readSupervisionCounts(m, scope, now)),
    ]);
    return {
      unit: filter.unit?.code ?? null,
      from: filter.from?.toISOString() ?? null,
      to: filter.to?.toISOString() ?? null,
      generatedAt: now.toISOString(),
      ...summariseGroups(groups),
      timePerTier: timePerTier(times),
      supervision,
    };
  }

  private async filterOf(query: StatsQuery): Promise<CaseFilter> {
    const from = validDate('from', query.from);
    const to = validDate('to', query.to);
    if (from && to && from.getTime() >= to.getTime()) {
      throw new InvalidInputError('from', 'must be before to');
    }
    if (query.unit === undefined) return { unit: null, from, to };
    const place = await this.jurisdiction.placeOf(query.unit);
    if (!place) throw NotFoundError.of('unit', query.unit);
    const { code, kind, streetCode, communityCode } = place;
    return { unit: { code, kind, streetCode, communityCode }, from, to };
  }
}

function validDate(field: string, value: Date | undefined): Date | null {
  if (value === undefined) return null;
  if (Number.isNaN(value.getTime())) throw new InvalidInputError(field, 'must be a valid date');
  return value;
}
