import { Heavy } from '../throttle/heavy-query';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CaseLocationService,
  InvalidInputError,
  JurisdictionService,
  MapService,
  checkPeriod,
} from '@tricolor/core';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { DisputeResponse } from '../disputes/dto/dispute.response';
import { ApiErrors } from '../http';
import {
  BoundaryResponse,
  MapDataResponse,
  MapQuery,
  SetBoundaryDto,
  SetCaseLocationDto,
} from './dto/map.dto';

/** The one map of community elements (社区要素一张图): boundaries, counts, points (issue 15). */
@ApiTags('community')
@ApiBearerAuth()
@ApiErrors([401, 'No or bad bearer token'])
@Controller()
export class MapController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly map: MapService,
    private readonly caseLocation: CaseLocationService,
  ) {}

  @Put('disputes/:id/location')
  @ApiOperation({
    summary: 'Place a case on the map (recorded on its audit trail as LOCATION_SET)',
    operationId: 'setDisputeLocation',
  })
  @ApiOkResponse({
    type: DisputeResponse,
    description: 'The case, as GET /disputes/:id returns it',
  })
  @ApiErrors([400, 'lon or lat is missing or out of range'])
  @ApiErrors([403, "Not a handler of the case, its community's police or its street's supervisor"])
  @ApiErrors([404, 'No such case in the caller’s jurisdiction'])
  @ApiErrors([409, 'A stale expectedVersion'])
  async setCaseLocation(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: SetCaseLocationDto,
  ) {
    const { expectedVersion, lon, lat } = body;
    return this.caseLocation.set(
      await this.jurisdiction.actorFor(user),
      id,
      { lon, lat },
      expectedVersion,
    );
  }

  @Put('admin/grids/:code/boundary')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'Set a grid’s boundary (GeoJSON Polygon or MultiPolygon, lon/lat)',
    operationId: 'setGridBoundary',
  })
  @ApiOkResponse({ type: BoundaryResponse })
  @ApiErrors([400, 'Bad geometry: the message names the position or ring and the problem'])
  @ApiErrors([403, 'Not the admin or a supervisor of the street'])
  @ApiErrors([404, 'No such grid'])
  async setBoundary(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: SetBoundaryDto,
  ) {
    return this.map.setBoundary(await this.jurisdiction.actorFor(user), code, body.geometry);
  }

  @Get('map')
  @ApiOperation({
    summary: 'A street’s map: grid boundaries with open and overdue counts, case and report points',
    operationId: 'getMap',
    description:
      'Counts and points cover only the cases and reports the caller may see, so coordinates ' +
      'reach only those who may see the case. tier filters case points; category and the ' +
      'period (from, to) filter both.',
  })
  @ApiOkResponse({ type: MapDataResponse })
  @ApiErrors([400, 'A filter is invalid'])
  @ApiErrors([404, 'No such street in the caller’s jurisdiction'])
  @Heavy('map')
  async mapData(@CurrentUser() user: AuthUser, @Query() query: MapQuery) {
    checkPeriod(query.from, query.to);
    const { street, ...filter } = query;
    const actor = await this.jurisdiction.actorFor(user);
    // The console opens the caller's own street: grid workers and police know their unit, not
    // its street's code.
    const streetCode = street ?? actor.streetCode;
    if (!streetCode) throw new InvalidInputError('street', 'is required for a user of no street');
    return this.map.mapData(actor, streetCode, filter);
  }
}
