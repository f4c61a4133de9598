import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AgendaService, ForbiddenError, JurisdictionService } from '@tricolor/core';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { RateLimiter } from '../throttle/rate-limiter';
import { AgendaQuery, BuildAgendaDto } from './agenda.query';

/**
 * Building an agenda reads every open case of a street (seconds at 100k cases) and replaces the
 * one the meeting uses: it happens on the schedule (AGENDA_CRON) or when a supervisor asks,
 * rate-limited (THROTTLE_AGENDA_BUILD_*). Reads answer the stored agenda.
 */
@ApiTags('agenda')
@ApiBearerAuth()
@Controller('agenda')
export class AgendaController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly agendas: AgendaService,
    private readonly limiter: RateLimiter,
  ) {}

  /** The weekly joint-meeting agenda: the latest stored (built once if there is none yet). */
  @Get()
  @ApiOperation({
    summary: 'The latest stored agenda of a community or street',
    description:
      'fresh=true rebuilds it first, as POST /agenda/build does: supervisors and admins only, rate-limited.',
    operationId: 'getAgenda',
  })
  @ApiResponse({ status: 403, description: 'Not your unit, or fresh=true by another role' })
  @ApiResponse({ status: 429, description: 'Too many rebuilds (Retry-After)' })
  async get(@CurrentUser() user: AuthUser, @Query() query: AgendaQuery) {
    return this.agendas.read(await this.jurisdiction.actorFor(user), query.unit, {
      fresh: query.fresh ?? false,
      beforeRebuild: () => this.checkBuild(user),
    });
  }

  @Post('build')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Rebuild the agenda of a community or street now (supervisors, rate-limited)',
    operationId: 'buildAgenda',
  })
  @ApiResponse({ status: 403, description: 'Not a supervisor or admin, or not your unit' })
  @ApiResponse({ status: 429, description: 'Too many rebuilds (Retry-After)' })
  async build(@CurrentUser() user: AuthUser, @Body() body: BuildAgendaDto) {
    return this.agendas.read(await this.jurisdiction.actorFor(user), body.unit, {
      fresh: true,
      beforeRebuild: () => this.checkBuild(user),
    });
  }

  private async checkBuild(user: AuthUser): Promise<void> {
    if (user.role !== 'supervisor' && user.role !== 'admin') {
      throw new ForbiddenError(
        'only a supervisor rebuilds an agenda between scheduled builds: read the stored one (without fresh)',
      );
    }
    await this.limiter.hit('agendaBuild', user.id, 'agenda rebuilds');
  }
}
