import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

const STATES = ['up', 'down'];

@ApiSchema({ name: 'Health', description: 'Whether the database and Redis answer' })
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'], description: 'ok when both answer' })
  status: 'ok' | 'degraded';

  @ApiProperty({ enum: ['up', 'down'] })
  database: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  redis: 'up' | 'down';
}

@ApiSchema({ name: 'Liveness', description: 'The event loop answers' })
export class LivenessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';
}

@ApiSchema({ name: 'ReadinessChecks', description: 'Each dependency the readiness probe checks' })
export class ReadinessChecks {
  @ApiProperty({ enum: STATES })
  database!: string;
  @ApiProperty({ enum: STATES })
  redis!: string;
  @ApiProperty({ enum: STATES, description: 'every migration applied' })
  migrations!: string;
  @ApiPropertyOptional({
    enum: STATES,
    description: 'a timer worker heartbeat fresher than 15 s; only when a worker is expected',
  })
  worker?: string;
}

@ApiSchema({ name: 'Readiness', description: 'Whether this process should receive traffic' })
export class ReadinessResponse {
  @ApiProperty({
    enum: ['ok', 'draining', 'down'],
    description: '`draining` after SIGTERM, while the process finishes its work',
  })
  status!: string;
  @ApiProperty({ type: ReadinessChecks })
  checks!: ReadinessChecks;
}
