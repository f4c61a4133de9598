import { Controller, Get, Query } from '@nestjs/common';
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
import { AgendaService, JurisdictionService } from '@tricolor/core';
import { CurrentUser, type AuthUser } from '../auth';
import { AgendaQuery } from './agenda.query';

@ApiTags('agenda')
@ApiBearerAuth()
@Controller('agenda')
export class AgendaController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly agendas: AgendaService,
  ) {}

  /** The weekly joint-meeting agenda: the latest stored, or one built now (none yet, or fresh). */
  @Get()
  @ApiOperation({
    operationId: 'getAgenda',
    summary: "A community's or street's weekly joint-meeting agenda",
    description:
      'The latest stored agenda (built every Wednesday morning), or one built now when there ' +
      'is none yet or fresh=true. A street agenda has a section per community.',
  })
  @ApiExtraModels(CommunityAgendaResponse, StreetAgendaResponse)
  @ApiOkResponse({
    schema: {
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
    },
  })
  @ApiErrors(
    [400, 'Bad input, or a grid (agendas are for communities and streets)'],
    401,
    [403, 'The unit is outside the caller’s jurisdiction'],
    [404, 'No such unit'],
    503,
  )
  async get(@CurrentUser() user: AuthUser, @Query() query: AgendaQuery) {
    return this.agendas.read(await this.jurisdiction.actorFor(user), query.unit, {
      fresh: query.fresh ?? false,
    });
  }
}
