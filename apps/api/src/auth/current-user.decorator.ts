import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { AuthRequest } from './auth-request';
import type { AuthUser } from './auth-user';

/** The caller, as the AuthGuard verified it. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => {
    const { user } = context.switchToHttp().getRequest<AuthRequest>();
    // Only on a @Public() route can this be missing: the route should not ask for a user then.
    if (user === undefined) throw new UnauthorizedException('authentication required');
    return user;
  },
);
