import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../../../../libs/workflow/src/domain';
import type { AuthRequest } from './auth-request';
import { ROLES_KEY } from './roles.decorator';

/** Global guard, after the AuthGuard: enforces @Roles(); routes without it are not restricted. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles === undefined || roles.length === 0) return true;

    const { user } = context.switchToHttp().getRequest<AuthRequest>();
    if (user === undefined) throw new UnauthorizedException('authentication required');
    if (!roles.includes(user.role)) {
      throw new ForbiddenException(
        `role ${user.role} may not do this (allowed: ${roles.join(', ')})`,
      );
    }
    return true;
  }
}
