import {
  Inject,
  Injectable,
  Optional,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCOUNT_GATE, type AccountGate } from './account-gate';
import { addToLogContext } from '@tricolor/core';
import { bearerToken, type AuthRequest } from './auth-request';
import { AuthService } from './auth.service';
import { IS_PUBLIC_KEY } from './public.decorator';

/** Global guard: every route needs `Authorization: Bearer <jwt>` unless it is @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Optional() @Inject(ACCOUNT_GATE) private readonly gate?: AccountGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic === true) return true;

    const request = context.switchToHttp().getRequest<AuthRequest>();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      throw new UnauthorizedException('missing bearer token (Authorization: Bearer <jwt>)');
    }
    const { user, session } = await this.auth.verifySession(token);
    // Revocation: the account must still exist, be active and have the token's version.
    await this.gate?.admit(user, session.tokenVersion);
    request.user = user;
    request.session = session;
    // Every later log line of this request names the user and the case (ids only).
    const routed = request as { params?: Record<string, string>; path?: string };
    const caseId = routed.params?.id;
    addToLogContext({
      userId: request.user.id,
      ...(caseId && routed.path?.startsWith('/disputes/') ? { caseId } : {}),
    });
    return true;
  }
}
