import { Module } from '@nestjs/common';
import { DisputesCoreModule } from '../disputes/disputes-core.module';
import { CaseLocationService } from './case-location.service';
import { MapService } from './map.service';
import { ReportOverdueService } from './report-overdue.service';
import { ReportsService } from './reports.service';
import { TeamService } from './team.service';

/** The community police room (issue 15): 社情 reports, the 1+1+2+N+N team and the map. */
@Module({
  imports: [DisputesCoreModule],
  providers: [ReportsService, ReportOverdueService, TeamService, MapService, CaseLocationService],
  exports: [
    ReportsService,
    ReportOverdueService,
    TeamService,
    MapService,
    CaseLocationService,
    DisputesCoreModule,
  ],
})
export class CommunityCoreModule {}
