export { StatsCoreModule } from './stats.module';
export { StatsService } from './stats.service';
export { StatsRollupFold } from './stats-rollup-fold.service';
export { rebuildRollupSql } from './rollup-sql';
export { MEDIAN_RELATIVE_ERROR } from './duration-histogram';
export type { Settlement, Stats, StatsQuery, TierCounts, TierTime } from './stats.types';
