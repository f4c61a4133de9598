import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const STATES = ['up', 'down'];

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';
}

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

export class ReadinessResponse {
  @ApiProperty({
    enum: ['ok', 'draining', 'down'],
    description: '`draining` after SIGTERM, while the process finishes its work',
  })
  status!: string;
  @ApiProperty({ type: ReadinessChecks })
  checks!: ReadinessChecks;
}
