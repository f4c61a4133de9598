import { Module } from '@nestjs/common';
import { JurisdictionModule, StatsCoreModule } from '@tricolor/core';
import { StatsController } from './stats.controller';

@Module({
  imports: [StatsCoreModule, JurisdictionModule],
  controllers: [StatsController],
})
export class StatsModule {}
