import { Module } from '@nestjs/common';
import { JurisdictionModule } from '../jurisdiction/jurisdiction.module';
import { StatsRollupFold } from './stats-rollup-fold.service';
import { StatsService } from './stats.service';

@Module({
  imports: [JurisdictionModule],
  providers: [StatsService, StatsRollupFold],
  exports: [StatsService, StatsRollupFold],
})
export class StatsCoreModule {}
