import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  async get(@CurrentUser() user: AuthUser, @Query() query: AgendaQuery) {
    return this.agendas.read(await this.jurisdiction.actorFor(user), query.unit, {
      fresh: query.fresh ?? false,
    });
  }
}
