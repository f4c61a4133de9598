import { Body, Controller, HttpCode, Ip, Post, Req, UnauthorizedException } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { LoginResponse } from './admin.responses';
import { TransactionRunner, UserEntity } from '@tricolor/persistence';
import { InvalidInputError } from '@tricolor/core';
import {
  AuthService,
  CurrentUser,
  Public,
  passwordProblem,
  type AuthRequest,
  type AuthUser,
} from '../auth';
import { ChangePasswordDto, LoginDto } from './admin.dto';
import { toUserView, UsersService } from './users.service';
import { RateLimiter } from '../throttle/rate-limiter';

const authUserOf = (user: UserEntity): AuthUser => ({
  id: user.id,
  username: user.username,
  role: user.role,
  unitCode: user.unitCode ?? '',
  ...(user.institution ? { institution: user.institution } : {}),
});

/**
 * Short access tokens (JWT_TTL, 15 minutes) renewed by POST /auth/refresh up to JWT_SESSION_MAX
 * after sign-in. Every request is also checked against the account (AccountGate), so logout,
 * deactivation and password changes revoke tokens at once; the short lifetime bounds a token
 * that leaks, and the session cap bounds how long one sign-in lasts.
 */
@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly limiter: RateLimiter,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Log in with a username and password for a bearer token',
    description:
      'Send the token as `Authorization: Bearer <accessToken>` on every other call. It lasts ' +
      'expiresIn seconds (JWT_TTL); renew it with POST /auth/refresh.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(
    400,
    [401, 'Unknown username, wrong password or deactivated user'],
    413,
    415,
    [429, 'Too many attempts from this address or for this account (Retry-After)'],
    503,
  )
  async login(@Body() body: LoginDto, @Ip() ip: string) {
    // Per address (a spray over many accounts), then per account (a lockout after a few tries,
    // whatever the address): both before the password is checked, so guessing stops there.
    const account = body.username.normalize('NFKC').toLowerCase();
    await this.limiter.hit('loginIp', ip, 'sign-in attempts from this address');
    await this.limiter.hit('loginAccount', account, 'sign-in attempts for this account');
    const user = await this.tx.run((m) =>
      m.findOne(UserEntity, { where: { username: body.username } }),
    );
    // One answer for an unknown user and a wrong password: no probing for usernames.
    // Unknown users cost the same hashing as known ones, so timing does not reveal usernames.
    const valid = await this.auth.verifyPassword(body.password, user?.passwordHash);
    if (!user || !user.active || !valid)
      throw new UnauthorizedException('invalid username or password');
    await this.limiter.reset('loginAccount', account);
    return this.issue(user, new Date());
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A fresh access token for the same sign-in, until JWT_SESSION_MAX after it',
    operationId: 'refreshToken',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors([401, 'Token invalid, revoked, or the session is too old'], 429, 503)
  async refresh(@Req() req: AuthRequest) {
    const { user, session } = req;
    if (!user || !session) throw new UnauthorizedException('authentication required');
    const age = (Date.now() - session.startedAt.getTime()) / 1000;
    if (age > this.auth.sessionMaxSeconds) {
      throw new UnauthorizedException('session too old: sign in again');
    }
    const account = await this.tx.run((m) => m.findOne(UserEntity, { where: { id: user.id } }));
    if (!account) throw new UnauthorizedException('token is no longer valid: sign in again');
    return this.issue(account, session.startedAt);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Sign out: every token of the account stops working (all devices)',
    operationId: 'logout',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors(401, 429, 503)
  async logout(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.tx.run(async (m) => {
      const account = await m.findOne(UserEntity, { where: { id: caller.id } });
      if (account) await this.users.revokeTokens(m, account);
    });
  }

  @Post('me/password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change one’s own password; other tokens stop working, a new one is returned',
    operationId: 'changeOwnPassword',
  })
  @ApiOkResponse({ type: LoginResponse, description: 'A new token for the same account' })
  @ApiErrors(
    [400, 'The new password fails the policy'],
    [401, 'No valid token, or the current password is wrong'],
    413,
    415,
    429,
    503,
  )
  async changePassword(@CurrentUser() caller: AuthUser, @Body() body: ChangePasswordDto) {
    const account = await this.tx.run((m) => m.findOne(UserEntity, { where: { id: caller.id } }));
    const valid = await this.auth.verifyPassword(body.currentPassword, account?.passwordHash);
    if (!account || !valid) throw new UnauthorizedException('currentPassword is wrong');
    const problem = passwordProblem(body.newPassword, account.username);
    if (problem) throw new InvalidInputError('newPassword', problem);
    if (body.newPassword === body.currentPassword) {
      throw new InvalidInputError('newPassword', 'must differ from the current password');
    }
    const passwordHash = await this.auth.hashPassword(body.newPassword);
    const updated = await this.users.changeOwnPassword(caller, account, passwordHash);
    return this.issue(updated, new Date());
  }

  private async issue(user: UserEntity, startedAt: Date) {
    const accessToken = await this.auth.signToken(authUserOf(user), {
      tokenVersion: user.tokenVersion ?? 0,
      startedAt,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.auth.tokenTtlSeconds,
      user: toUserView(user),
    };
  }
}
