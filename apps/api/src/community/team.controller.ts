import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { JurisdictionService, TeamService } from '@tricolor/core';
import { CurrentUser, type AuthUser } from '../auth';
import { ApiErrors, type ErrorSpec } from '../http';
import { AddTeamMemberDto, TeamChangeResponse, TeamResponse } from './dto/team.dto';

const NOT_FOUND: ErrorSpec = [
  404,
  'No such community in the caller’s jurisdiction (or no such member)',
];

/** A community's 1+1+2+N+N team (issue 15). */
@ApiTags('community')
@ApiBearerAuth()
@ApiErrors([401, 'No or bad bearer token'])
@Controller('communities/:code/team')
export class TeamController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly team: TeamService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The community’s team, with team roles and gaps',
    operationId: 'getTeam',
  })
  @ApiOkResponse({ type: TeamResponse })
  @ApiErrors(NOT_FOUND)
  async get(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.team.get(await this.jurisdiction.actorFor(user), code);
  }

  @Get('changes')
  @ApiOperation({ summary: 'Every membership change, oldest first', operationId: 'getTeamChanges' })
  @ApiOkResponse({ type: [TeamChangeResponse] })
  @ApiErrors(NOT_FOUND)
  async changes(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.team.changes(await this.jurisdiction.actorFor(user), code);
  }

  @Post()
  @ApiOperation({
    summary: 'Add a member with a team role (admin, or a supervisor of the street)',
    operationId: 'addTeamMember',
  })
  @ApiCreatedResponse({ type: TeamResponse })
  @ApiErrors([400, 'The user cannot hold that team role here'])
  @ApiErrors([403, 'The caller may not change this team'])
  @ApiErrors(NOT_FOUND)
  @ApiErrors([409, 'The user is already on the team'])
  async add(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: AddTeamMemberDto,
  ) {
    return this.team.add(await this.jurisdiction.actorFor(user), code, body.userId, body.teamRole);
  }

  @Delete(':userId')
  @ApiOperation({ summary: 'Remove a member from the team', operationId: 'removeTeamMember' })
  @ApiOkResponse({ type: TeamResponse })
  @ApiErrors([400, 'userId is not a UUID'])
  @ApiErrors([403, 'The caller may not change this team'])
  @ApiErrors(NOT_FOUND)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    return this.team.remove(await this.jurisdiction.actorFor(user), code, userId);
  }
}
