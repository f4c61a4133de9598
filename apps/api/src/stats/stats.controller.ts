import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { StatsResponse } from './stats.responses';
import { JurisdictionService, StatsService } from '@tricolor/core';
import { CurrentUser, type AuthUser } from '../auth';
import { Heavy } from '../throttle/heavy-query';
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
  @ApiOperation({
    operationId: 'getStats',
    summary: 'Counts per tier and outcome, settlement shares and time per tier',
    description:
      'Over the cases the caller may see, optionally of one unit and opened in [from, to).',
  })
  @ApiOkResponse({ type: StatsResponse })
  @ApiErrors([400, 'Bad input, or from not before to'], 401, [404, 'No such unit'], 503)
  @Heavy('stats')
  async get(@CurrentUser() user: AuthUser, @Query() query: StatsQueryDto) {
    return this.statistics.stats(await this.jurisdiction.actorFor(user), {
      ...(query.unit !== undefined ? { unit: query.unit } : {}),
      ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
      ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
    });
  }
}
