import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

export const IS_PUBLIC_KEY = 'tricolor:isPublic';

/**
 * Lets a route through the global AuthGuard without a token. In the OpenAPI document the
 * empty requirement `{}` marks the operation as callable anonymously.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiSecurity({}));
