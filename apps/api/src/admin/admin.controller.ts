import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { UnitResponse, UserResponse } from './admin.responses';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { CreateUnitDto, CreateUserDto } from './admin.dto';
import { UnitsService } from './units.service';
import { UsersService } from './users.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'supervisor')
@ApiErrors(401, [403, 'Only admins and supervisors (a supervisor only in their own street)'], 503)
@Controller('admin')
export class AdminController {
  constructor(
    private readonly units: UnitsService,
    private readonly users: UsersService,
  ) {}

  @Post('units')
  @ApiOperation({
    operationId: 'createUnit',
    summary: 'Add a street, a community (in a street) or a grid (in a community)',
  })
  @ApiCreatedResponse({ type: UnitResponse })
  @ApiErrors(
    [400, 'Bad input, or a parent of the wrong kind'],
    [409, 'The code is taken'],
    413,
    415,
  )
  createUnit(@CurrentUser() caller: AuthUser, @Body() body: CreateUnitDto) {
    return this.units.create(caller, body);
  }

  @Get('units')
  @ApiOperation({ operationId: 'listUnits', summary: 'Every unit, by code' })
  @ApiOkResponse({ type: [UnitResponse] })
  listUnits() {
    return this.units.list();
  }

  @Post('users')
  @ApiOperation({
    operationId: 'createUser',
    summary: 'Add a user in a unit',
    description:
      'A grid worker belongs to a grid, community police to a community, judicial officers, ' +
      'supervisors and panel members (with their institution) to a street.',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(
    [400, 'Bad input, an unknown unit or one of the wrong kind for the role'],
    [409, 'The username is taken'],
    413,
    415,
  )
  createUser(@CurrentUser() caller: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  @Get('users')
  @ApiOperation({ operationId: 'listUsers', summary: 'Every user, by username' })
  @ApiOkResponse({ type: [UserResponse] })
  listUsers() {
    return this.users.list();
  }
}
