import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { CommunityAgendaResponse, StreetAgendaResponse } from './agenda.responses';
import {
  AgendaService,
  ForbiddenError,
  JurisdictionService,
  pageAgenda,
  type Agenda,
} from '@tricolor/core';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { Heavy } from '../throttle/heavy-query';
import { RateLimiter } from '../throttle/rate-limiter';
import { AGENDA_PAGE_DEFAULT, AgendaQuery, BuildAgendaDto } from './agenda.query';

/** The agenda answer: a community's, or a street's with a section per community. */
const AGENDA_SCHEMA = {
  oneOf: [
    { $ref: getSchemaPath(CommunityAgendaResponse) },
    { $ref: getSchemaPath(StreetAgendaResponse) },
  ],
  discriminator: {
    propertyName: 'kind',
    mapping: {
      community: getSchemaPath(CommunityAgendaResponse),
      street: getSchemaPath(StreetAgendaResponse),
    },
  },
};

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
    operationId: 'getAgenda',
    summary: "A community's or street's weekly joint-meeting agenda",
    description:
      'The latest stored agenda (built every Wednesday morning, or once now when there is none ' +
      'yet). fresh=true rebuilds it first, as POST /agenda/build does: supervisors and admins ' +
      'only, rate-limited. A street agenda has a section per community.',
  })
  @ApiExtraModels(CommunityAgendaResponse, StreetAgendaResponse)
  @ApiOkResponse({ schema: AGENDA_SCHEMA })
  @ApiErrors(
    [400, 'Bad input, or a grid (agendas are for communities and streets)'],
    401,
    [403, 'The unit is outside the caller’s jurisdiction, or fresh=true by another role'],
    [404, 'No such unit'],
    503,
  )
  @Heavy('agenda', { also429: 'too many rebuilds' })
  async get(@CurrentUser() user: AuthUser, @Query() query: AgendaQuery) {
    const agenda = await this.agendas.read(await this.jurisdiction.actorFor(user), query.unit, {
      fresh: query.fresh ?? false,
      beforeRebuild: () => this.checkBuild(user),
    });
    return paged(agenda, query.offset ?? 0, query.limit ?? AGENDA_PAGE_DEFAULT);
  }

  @Post('build')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Rebuild the agenda of a community or street now (supervisors, rate-limited)',
    description: 'Reads every open case of the unit and replaces the stored agenda.',
    operationId: 'buildAgenda',
  })
  @ApiExtraModels(CommunityAgendaResponse, StreetAgendaResponse)
  @ApiOkResponse({ schema: AGENDA_SCHEMA })
  @ApiErrors(
    [400, 'Bad input, or a grid (agendas are for communities and streets)'],
    401,
    [403, 'Not a supervisor or admin, or not your unit'],
    [404, 'No such unit'],
    503,
  )
  @Heavy('agenda build', { also429: 'too many rebuilds' })
  async build(@CurrentUser() user: AuthUser, @Body() body: BuildAgendaDto) {
    const agenda = await this.agendas.read(await this.jurisdiction.actorFor(user), body.unit, {
      fresh: true,
      beforeRebuild: () => this.checkBuild(user),
    });
    return paged(agenda, 0, AGENDA_PAGE_DEFAULT);
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

/** The answer: the agenda's lists cut to one page, and which page it is. */
function paged(agenda: Agenda, offset: number, limit: number) {
  const page = pageAgenda(agenda, { offset, limit });
  return { ...page.agenda, page: { offset, limit, more: page.more } };
}
