import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../../../libs/workflow/src/domain';

export const ROLES_KEY = 'tricolor:roles';

/** Only these roles may call the route (403 otherwise); on a method it overrides the class. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);
