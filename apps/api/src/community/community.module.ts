import { Module } from '@nestjs/common';
import { CommunityCoreModule } from '@tricolor/core';
import { MapController } from './map.controller';
import { ReportsController } from './reports.controller';
import { TeamController } from './team.controller';

/** The community police room's HTTP surface: 社情 reports, teams and the map. */
@Module({
  imports: [CommunityCoreModule],
  controllers: [ReportsController, TeamController, MapController],
})
export class CommunityModule {}
