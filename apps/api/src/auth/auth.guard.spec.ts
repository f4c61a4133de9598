import { Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureApp } from '../http/configure-app';
import type { AuthUser } from './auth-user';
import { AuthModule } from './auth.module';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

const secret = 'e2e-secret';

// Throwaway routes covering each way a request can meet the guards.
@Controller('t')
class GuardTestController {
  @Public()
  @Get('open')
  open(): { open: boolean } {
    return { open: true };
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  @Roles('admin', 'supervisor')
  @Post('units')
  createUnit(): { created: boolean } {
    return { created: true };
  }
}

@Roles('judicial_officer')
@Controller('yellow')
class RoleOnClassController {
  @Get()
  list(): { ok: boolean } {
    return { ok: true };
  }

  @Roles('supervisor')
  @Get('stats')
  stats(): { ok: boolean } {
    return { ok: true };
  }
}

const gridWorker: AuthUser = { id: 'u1', username: 'li', role: 'grid_worker', unitCode: 'G-1' };
const supervisor: AuthUser = { id: 'u2', username: 'zhao', role: 'supervisor', unitCode: 'S-1' };
const officer: AuthUser = { id: 'u3', username: 'sun', role: 'judicial_officer', unitCode: 'S-1' };

async function bootstrap(
  authModule: ReturnType<typeof AuthModule.forRoot>,
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [authModule],
    controllers: [GuardTestController, RoleOnClassController],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }), { docs: false });
  await app.init();
  return app;
}

describe('AuthGuard and RolesGuard (e2e)', () => {
  let app: INestApplication;
  let tokenFor: (user: AuthUser) => Promise<string>;

  beforeAll(async () => {
    app = await bootstrap(AuthModule.forRoot({ secret, ttlSeconds: 60 }));
    const auth = app.get(AuthService);
    tokenFor = (user) => auth.signToken(user);
  });

  afterAll(() => app.close());

  const get = (path: string, token?: string) => {
    const req = request(app.getHttpServer()).get(path);
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  };

  it('lets a @Public route through without a token', async () => {
    const res = await get('/t/open');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ open: true });
  });

  it('answers a missing token with 401 and a WWW-Authenticate header', async () => {
    const res = await get('/t/me');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'missing bearer token (Authorization: Bearer <jwt>)',
    });
  });

  it('answers another scheme as a missing token', async () => {
    const res = await request(app.getHttpServer())
      .get('/t/me')
      .set('Authorization', 'Basic bGk6cHc=');
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/missing bearer token/);
  });

  it('answers a forged token with 401', async () => {
    const forged = new JwtService({ secret: 'not-ours' }).sign({ sub: 'u1', role: 'admin' });
    const res = await get('/t/me', forged);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'invalid token' });
  });

  it('answers an expired token with 401 saying so', async () => {
    const expired = new JwtService({ secret }).sign({
      sub: 'u1',
      username: 'li',
      role: 'grid_worker',
      unitCode: 'G-1',
      iss: 'tricolor',
      exp: Math.floor(Date.now() / 1000) - 1,
    });
    const res = await get('/t/me', expired);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'token expired' });
  });

  it('gives the handler the caller as @CurrentUser', async () => {
    const res = await get('/t/me', await tokenFor(gridWorker));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(gridWorker);
  });

  it('answers a role not listed in @Roles with 403', async () => {
    const res = await request(app.getHttpServer())
      .post('/t/units')
      .set('Authorization', `Bearer ${await tokenFor(gridWorker)}`);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'role grid_worker may not do this (allowed: admin, supervisor)',
    });
  });

  it('lets a listed role through', async () => {
    const res = await request(app.getHttpServer())
      .post('/t/units')
      .set('Authorization', `Bearer ${await tokenFor(supervisor)}`);
    expect(res.status).toBe(201);
  });

  it('applies @Roles on a class, and lets a method override it', async () => {
    expect((await get('/yellow', await tokenFor(officer))).status).toBe(200);
    expect((await get('/yellow', await tokenFor(supervisor))).status).toBe(403);
    expect((await get('/yellow/stats', await tokenFor(supervisor))).status).toBe(200);
    expect((await get('/yellow/stats', await tokenFor(officer))).status).toBe(403);
  });

  it('reports a malformed body even before the token is checked', async () => {
    const res = await request(app.getHttpServer())
      .post('/t/units')
      .set('Content-Type', 'application/json')
      .send('{not json');
    // Body parsing runs before guards, so a malformed body is reported even without a token.
    expect(res.status).toBe(400);
  });
});

describe('AuthModule.forRootAsync', () => {
  @Module({
    providers: [{ provide: 'JWT_CONFIG', useValue: { secret, ttl: 120 } }],
    exports: ['JWT_CONFIG'],
  })
  class ConfigTestModule {}

  it('builds its options from injected providers', async () => {
    const app = await bootstrap(
      AuthModule.forRootAsync({
        imports: [ConfigTestModule],
        inject: ['JWT_CONFIG'],
        useFactory: (config: { secret: string; ttl: number }) => ({
          secret: config.secret,
          ttlSeconds: config.ttl,
        }),
      }),
    );
    try {
      const auth = app.get(AuthService);
      expect(auth.tokenTtlSeconds).toBe(120);
      const res = await request(app.getHttpServer())
        .get('/t/me')
        .set('Authorization', `Bearer ${await auth.signToken(supervisor)}`);
      expect(res.body).toEqual(supervisor);
    } finally {
      await app.close();
    }
  });
});
