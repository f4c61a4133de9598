import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthChecks } from '@tricolor/core';
import { DataSource } from 'typeorm';
import type Redis from 'ioredis';
import { Public } from '../auth';
import { HealthResponse, LivenessResponse, ReadinessResponse } from './health.responses';
import { REDIS } from './redis.provider';

type Check = 'up' | 'down';

/** Database and Redis reachability: 503 when the database is down, since nothing works then. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly checks: HealthChecks,
  ) {}

  /** Liveness: the event loop answers. Stays 200 while draining so the process is not killed early. */
  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness probe', operationId: 'healthLive' })
  @ApiResponse({ status: 200, type: LivenessResponse })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  /** Readiness: database, Redis, migrations and (when expected) a worker; 503 while draining. */
  @Public()
  @Get('ready')
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness probe', operationId: 'healthReady' })
  @ApiResponse({ status: 200, type: ReadinessResponse, description: 'ready for traffic' })
  @ApiResponse({
    status: 503,
    type: ReadinessResponse,
    description: 'a check failed, or the process is draining after SIGTERM',
  })
  async ready(
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<ReadinessResponse> {
    const report = await this.checks.readiness();
    if (report.status !== 'ok') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  @Public()
  @Get()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Whether the database and Redis answer',
    description: 'Redis down alone is degraded (200): timers wait, the API still answers.',
  })
  @ApiOkResponse({ type: HealthResponse, description: 'The database answers' })
  @ApiResponse({
    status: 503,
    type: HealthResponse,
    description: 'The database does not answer: nothing works',
  })
  async check(@Res({ passthrough: true }) res: { status(code: number): unknown }) {
    const [database, redis] = await Promise.all([this.database(), this.redisCheck()]);
    if (database === 'down') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: database === 'up' && redis === 'up' ? 'ok' : 'degraded', database, redis };
  }

  private async database(): Promise<Check> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async redisCheck(): Promise<Check> {
    try {
      return (await withTimeout(this.redis.ping(), 1000)) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
