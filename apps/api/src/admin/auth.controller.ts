import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { LoginResponse } from './admin.responses';
import { TransactionRunner, UserEntity } from '@tricolor/persistence';
import { AuthService, Public } from '../auth';
import { LoginDto } from './admin.dto';
import { toUserView } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Log in with a username and password for a bearer token',
    description: 'Send the token as `Authorization: Bearer <accessToken>` on every other call.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, [401, 'Unknown username, wrong password or deactivated user'], 413, 415, 503)
  async login(@Body() body: LoginDto) {
    const user = await this.tx.run((m) =>
      m.findOne(UserEntity, { where: { username: body.username } }),
    );
    // One answer for an unknown user and a wrong password: no probing for usernames.
    // Unknown users cost the same hashing as known ones, so timing does not reveal usernames.
    const valid = await this.auth.verifyPassword(body.password, user?.passwordHash);
    if (!user || !user.active || !valid)
      throw new UnauthorizedException('invalid username or password');
    const accessToken = await this.auth.signToken({
      id: user.id,
      username: user.username,
      role: user.role,
      unitCode: user.unitCode ?? '',
      ...(user.institution ? { institution: user.institution } : {}),
    });
    return { accessToken, tokenType: 'Bearer', user: toUserView(user) };
  }
}
