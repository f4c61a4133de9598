import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { JurisdictionService, TeamService } from '@tricolor/core';
import { CurrentUser, type AuthUser } from '../auth';
import { ErrorResponse } from './dto/error.response';
import { AddTeamMemberDto, TeamChangeResponse, TeamResponse } from './dto/team.dto';

const NOT_FOUND = {
  type: ErrorResponse,
  description: 'No such community in the caller’s jurisdiction (or no such member)',
};

/** A community's 1+1+2+N+N team (issue 15). */
@ApiTags('community')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'No or bad bearer token' })
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
  @ApiNotFoundResponse(NOT_FOUND)
  async get(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.team.get(await this.jurisdiction.actorFor(user), code);
  }

  @Get('changes')
  @ApiOperation({ summary: 'Every membership change, oldest first', operationId: 'getTeamChanges' })
  @ApiOkResponse({ type: [TeamChangeResponse] })
  @ApiNotFoundResponse(NOT_FOUND)
  async changes(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.team.changes(await this.jurisdiction.actorFor(user), code);
  }

  @Post()
  @ApiOperation({
    summary: 'Add a member with a team role (admin, or a supervisor of the street)',
    operationId: 'addTeamMember',
  })
  @ApiCreatedResponse({ type: TeamResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'The user cannot hold that team role here',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'The caller may not change this team' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ type: ErrorResponse, description: 'The user is already on the team' })
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
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'userId is not a UUID' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'The caller may not change this team' })
  @ApiNotFoundResponse(NOT_FOUND)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    return this.team.remove(await this.jurisdiction.actorFor(user), code, userId);
  }
}
