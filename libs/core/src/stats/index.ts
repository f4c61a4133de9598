export { StatsCoreModule } from './stats.module';
export { StatsService } from './stats.service';
export type { Settlement, Stats, StatsQuery, TierCounts, TierTime } from './stats.types';
