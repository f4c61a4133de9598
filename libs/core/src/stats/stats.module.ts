import { Module } from '@nestjs/common';
import { JurisdictionModule } from '../jurisdiction/jurisdiction.module';
import { StatsService } from './stats.service';

@Module({
  imports: [JurisdictionModule],
  providers: [StatsService],
  exports: [StatsService],
})
export class StatsCoreModule {}
