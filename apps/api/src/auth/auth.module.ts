import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS, checkAuthOptions, type AuthModuleOptions } from './auth-options';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { RolesGuard } from './roles.guard';

export interface AuthModuleAsyncOptions<Deps extends unknown[]> {
  imports?: ModuleMetadata['imports'];
  inject?: { [K in keyof Deps]: InjectionToken };
  useFactory: (...deps: Deps) => AuthModuleOptions | Promise<AuthModuleOptions>;
}

/**
 * Import once in the root module. Registers the AuthGuard then the RolesGuard globally
 * (in that order: roles are checked on an authenticated user) and exports AuthService.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return AuthModule.build({ provide: AUTH_OPTIONS, useValue: checkAuthOptions(options) });
  }

  static forRootAsync<Deps extends unknown[]>(
    options: AuthModuleAsyncOptions<Deps>,
  ): DynamicModule {
    return AuthModule.build(
      {
        provide: AUTH_OPTIONS,
        inject: options.inject ?? [],
        // Nest passes the injected values in `inject` order, i.e. as Deps.
        useFactory: async (...deps: unknown[]) =>
          checkAuthOptions(await options.useFactory(...(deps as Deps))),
      },
      options.imports ?? [],
    );
  }

  private static build(
    optionsProvider: Provider,
    imports: ModuleMetadata['imports'] = [],
  ): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports,
      providers: [
        optionsProvider,
        AuthService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [AuthService],
    };
  }
}
