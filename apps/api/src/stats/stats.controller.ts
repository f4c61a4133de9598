import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JurisdictionService, StatsService } from '@tricolor/core';
import { CurrentUser, type AuthUser } from '../auth';
import { StatsQueryDto } from './stats.query';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly statistics: StatsService,
  ) {}

  /** Counts, settlement shares and time per tier over the cases the caller may see. */
  @Get()
  async get(@CurrentUser() user: AuthUser, @Query() query: StatsQueryDto) {
    return this.statistics.stats(await this.jurisdiction.actorFor(user), {
      ...(query.unit !== undefined ? { unit: query.unit } : {}),
      ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
      ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
    });
  }
}
