import { IsDefined, ValidateIf } from 'class-validator';
import {
  HasNoSpaces,
  IsCron,
  IsIntegerIn,
  IsOneOf,
  IsPositiveDuration,
  IsRatio,
  IsTimeZone,
  IsUrlWith,
} from './env-rule';

const inProduction = (env: EnvironmentVariables): boolean => env.NODE_ENV === 'production';
const requiredInProduction = { message: '$property is required when NODE_ENV=production' };

/**
 * The process environment as the service reads it (DESIGN.md §7): raw strings, validated once
 * at boot. Each property's initializer is its default; `undefined` means "no default".
 */
export class EnvironmentVariables {
  @IsOneOf('development', 'production', 'test')
  NODE_ENV = 'development';

  @IsIntegerIn(1, 65535)
  PORT = '3000';

  @ValidateIf((env: EnvironmentVariables) => env.DATABASE_URL !== undefined)
  @IsUrlWith('postgres:', 'postgresql:')
  DATABASE_URL: string | undefined = undefined;

  @HasNoSpaces()
  DATA_DIR = './data';

  @IsIntegerIn(2, 1000)
  DB_POOL_SIZE = '10';

  @IsUrlWith('redis:', 'rediss:')
  REDIS_URL = 'redis://127.0.0.1:6379';

  @HasNoSpaces()
  REDIS_PREFIX = 'tricolor';

  @ValidateIf(inProduction)
  @IsDefined(requiredInProduction)
  JWT_SECRET: string | undefined = undefined;

  @IsPositiveDuration()
  JWT_TTL = 'PT12H';

  @HasNoSpaces()
  ADMIN_USERNAME = 'admin';

  @ValidateIf(inProduction)
  @IsDefined(requiredInProduction)
  ADMIN_PASSWORD: string | undefined = undefined;

  @IsPositiveDuration()
  DEADLINE_BLUE_MEDIATION = 'P3D';

  @IsPositiveDuration()
  DEADLINE_YELLOW_ACCEPTANCE = 'P1D';

  @IsPositiveDuration()
  DEADLINE_YELLOW_REVIEW = 'P15D';

  @IsPositiveDuration()
  DEADLINE_RED_CONVENING = 'P3D';

  @IsPositiveDuration()
  DEADLINE_RED_MEDIATION = 'P30D';

  @IsPositiveDuration()
  FOLLOW_UP_DELAY = 'P7D';

  @IsPositiveDuration()
  CONFIRMATION_WINDOW = 'P30D';

  @IsRatio()
  REMINDER_RATIO = '0.8';

  @IsCron()
  AGENDA_CRON = '0 8 * * 3';

  @IsTimeZone()
  AGENDA_TZ = 'Asia/Shanghai';

  @IsOneOf('true', 'false', '1', '0')
  RUN_WORKER = 'true';

  /** How many timer jobs one worker process handles at once. */
  @IsIntegerIn(1, 1000)
  WORKER_CONCURRENCY = '8';

  /** How often the worker makes the queue agree with the timer rows (ISO 8601). */
  @IsPositiveDuration()
  RECONCILE_INTERVAL = 'PT30S';

  /** A job whose worker died is taken over after this long (BullMQ's lock duration). */
  @IsPositiveDuration()
  WORKER_LOCK_DURATION = 'PT30S';
}

export type EnvironmentVariable = keyof EnvironmentVariables;
