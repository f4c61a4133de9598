import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { UnitResponse } from './admin.responses';
import { UnitsService } from './units.service';

/**
 * The district's units for everyone signed in, so the console can name the grid, community and
 * street a case or report is in (a code such as G1 means nothing to a party's mediator). Place
 * names and the units' tree are the district's organisation chart, not personal data; who works
 * in a unit stays with `GET /admin/users` (admins, and supervisors for their street).
 */
@ApiTags('units')
@ApiBearerAuth()
@ApiErrors(401, 503)
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listUnitNames',
    summary: 'Every unit with its name, kind and parent, for naming places',
    description:
      'Any signed-in user: the same list as listUnits, without the admin role. No user is named.',
  })
  @ApiOkResponse({ type: [UnitResponse] })
  list() {
    return this.units.list();
  }
}
