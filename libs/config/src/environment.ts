import { IsDefined, ValidateIf } from 'class-validator';
import {
  HasNoSpaces,
  IsHostPortList,
  IsCron,
  IsIntegerIn,
  IsOneOf,
  IsDeadline,
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

  /**
   * The interface to listen on. Default: 127.0.0.1 (this machine only) outside production, so a
   * developer's `npm start` is not reachable from the network; 0.0.0.0 in production, where the
   * API runs in a container behind its TLS proxy (README "Security").
   */
  @ValidateIf((env: EnvironmentVariables) => env.HOST !== undefined)
  @HasNoSpaces()
  HOST: string | undefined = undefined;

  @ValidateIf((env: EnvironmentVariables) => env.DATABASE_URL !== undefined)
  @IsUrlWith('postgres:', 'postgresql:')
  DATABASE_URL: string | undefined = undefined;

  @HasNoSpaces()
  DATA_DIR = './data';

  @IsIntegerIn(2, 1000)
  DB_POOL_SIZE = '10';

  @IsUrlWith('redis:', 'rediss:')
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Hash-tagged (`{…}`) so every key of the queue maps to one Redis Cluster slot. */
  @HasNoSpaces()
  REDIS_PREFIX = '{tricolor}';

  /** Redis Sentinels as `host:port,host:port`: REDIS_URL then gives only password and db. */
  @ValidateIf((env: EnvironmentVariables) => env.REDIS_SENTINELS !== undefined)
  @IsHostPortList()
  REDIS_SENTINELS: string | undefined = undefined;

  /** The primary's name the Sentinels monitor. */
  @HasNoSpaces()
  REDIS_SENTINEL_NAME = 'mymaster';

  @ValidateIf(inProduction)
  @IsDefined(requiredInProduction)
  JWT_SECRET: string | undefined = undefined;

  /** Access token lifetime: short, renewed by POST /auth/refresh (README "Security"). */
  @IsPositiveDuration()
  JWT_TTL = 'PT15M';

  /** How long after sign-in POST /auth/refresh keeps renewing. */
  @IsPositiveDuration()
  JWT_SESSION_MAX = 'PT12H';

  /**
   * `id:secret` pairs, comma-separated: the HMAC keys that seal audit records. Keep every key
   * that sealed a record still kept; new records use AUDIT_KEY_ID (default: the last listed).
   */
  @ValidateIf(inProduction)
  @IsDefined(requiredInProduction)
  AUDIT_KEYS: string | undefined = undefined;

  @ValidateIf((env: EnvironmentVariables) => env.AUDIT_KEY_ID !== undefined)
  @HasNoSpaces()
  AUDIT_KEY_ID: string | undefined = undefined;

  /** `id:secret` pairs: the AES-GCM keys of the parties' numbers at rest (like AUDIT_KEYS). */
  @ValidateIf(inProduction)
  @IsDefined(requiredInProduction)
  DATA_KEYS: string | undefined = undefined;

  @ValidateIf((env: EnvironmentVariables) => env.DATA_KEY_ID !== undefined)
  @HasNoSpaces()
  DATA_KEY_ID: string | undefined = undefined;

  /**
   * Express's `trust proxy`: `false`, a hop count, or comma-separated addresses/subnets
   * (`loopback`, `10.0.0.0/8`). Required in production (README "Security").
   */
  @ValidateIf((env: EnvironmentVariables) => env.TRUST_PROXY !== undefined)
  @HasNoSpaces()
  TRUST_PROXY: string | undefined = undefined;

  @HasNoSpaces()
  ADMIN_USERNAME = 'admin';

  @ValidateIf(inProduction)
  @IsDefined(requiredInProduction)
  ADMIN_PASSWORD: string | undefined = undefined;

  // Rate limits: LIMIT hits per WINDOW (ISO 8601); LOCKOUT, where given, blocks past the limit.
  @IsIntegerIn(1, 1_000_000)
  THROTTLE_LOGIN_ACCOUNT_LIMIT = '5';

  @IsPositiveDuration()
  THROTTLE_LOGIN_WINDOW = 'PT15M';

  @IsPositiveDuration()
  THROTTLE_LOGIN_LOCKOUT = 'PT15M';

  @IsIntegerIn(1, 1_000_000)
  THROTTLE_LOGIN_IP_LIMIT = '50';

  @IsIntegerIn(1, 1_000_000)
  THROTTLE_WRITE_LIMIT = '120';

  @IsPositiveDuration()
  THROTTLE_WRITE_WINDOW = 'PT1M';

  @IsIntegerIn(1, 1_000_000)
  THROTTLE_CASE_EVENT_LIMIT = '20';

  @IsPositiveDuration()
  THROTTLE_CASE_EVENT_WINDOW = 'PT1H';

  @IsIntegerIn(1, 1_000_000)
  THROTTLE_AGENDA_BUILD_LIMIT = '6';

  @IsPositiveDuration()
  THROTTLE_AGENDA_BUILD_WINDOW = 'PT1H';

  /**
   * Heavy queries (agenda, stats, monthly report, case file, audit verify, text search…) one
   * user may have running at once on one API process; past it a 429.
   */
  @IsIntegerIn(1, 1000)
  HEAVY_QUERY_CONCURRENCY = '1';

  /**
   * A user's heavy queries past HEAVY_QUERY_CONCURRENCY wait their turn, up to this many per
   * user on one API process (0: none wait); past that a 429.
   */
  @IsIntegerIn(0, 1000)
  HEAVY_QUERY_QUEUE = '8';

  /**
   * The furthest EXTEND_DEADLINE may set a deadline from now. People's mediation normally ends
   * within a month, extendable by the parties' agreement: one more month at a time.
   */
  @IsPositiveDuration()
  EXTEND_DEADLINE_MAX = 'P30D';

  // Timer settings: an ISO 8601 duration (wall-clock time, as tests shrink them to seconds) or
  // working time on the business calendar (`3WD` working days, `4WH` working hours).

  /** On-the-spot mediation: the grid worker's office days, not the holiday week. */
  @IsDeadline()
  DEADLINE_BLUE_MEDIATION = '3WD';

  /** The judicial office accepts on its next working day. */
  @IsDeadline()
  DEADLINE_YELLOW_ACCEPTANCE = '1WD';

  /** A joint review with a lawyer: two office weeks (P15D in a fortnight without holidays). */
  @IsDeadline()
  DEADLINE_YELLOW_REVIEW = '10WD';

  /** Convening four institutions happens in office hours: three working days. */
  @IsDeadline()
  DEADLINE_RED_CONVENING = '3WD';

  /** People's mediation is "normally concluded within a month": a calendar month, so P30D. */
  @IsDeadline()
  DEADLINE_RED_MEDIATION = 'P30D';

  /** The follow-up visit a working week after performance is due, on a day the office works. */
  @IsDeadline()
  FOLLOW_UP_DELAY = '5WD';

  /** Art. 33: thirty days, counted by the law in calendar days. */
  @IsDeadline()
  CONFIRMATION_WINDOW = 'P30D';

  /** Supervision (督办): a case is "about to breach" in the last share of its working window. */
  @IsRatio()
  SUPERVISION_SHARE = '0.2';

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

  /**
   * Timer batches one worker process fires at once on PostgreSQL (SKIP LOCKED keeps them
   * apart), so one batch's statements run while another's JavaScript does; SQLite runs one.
   */
  @IsIntegerIn(1, 16)
  TIMER_DRAINS = '2';

  /** How often the worker makes the queue agree with the timer rows (ISO 8601). */
  @IsPositiveDuration()
  RECONCILE_INTERVAL = 'PT30S';

  /** A job whose worker died is taken over after this long (BullMQ's lock duration). */
  @IsPositiveDuration()
  WORKER_LOCK_DURATION = 'PT30S';

  /** The largest attachment accepted, in bytes (20 MB); a larger upload gets 413. */
  @IsIntegerIn(1, 1_073_741_824)
  ATTACHMENT_MAX_BYTES = '20971520';

  /** Set: attachments go to this S3-compatible bucket instead of DATA_DIR/attachments. */
  @ValidateIf((env: EnvironmentVariables) => env.ATTACHMENT_S3_BUCKET !== undefined)
  @HasNoSpaces()
  ATTACHMENT_S3_BUCKET: string | undefined = undefined;

  /** The S3-compatible endpoint (MinIO, OSS, COS); unset means AWS. */
  @ValidateIf((env: EnvironmentVariables) => env.ATTACHMENT_S3_ENDPOINT !== undefined)
  @IsUrlWith('http:', 'https:')
  ATTACHMENT_S3_ENDPOINT: string | undefined = undefined;

  @HasNoSpaces()
  ATTACHMENT_S3_REGION = 'us-east-1';

  @ValidateIf((env: EnvironmentVariables) => env.ATTACHMENT_S3_PREFIX !== undefined)
  @HasNoSpaces()
  ATTACHMENT_S3_PREFIX: string | undefined = undefined;

  /** Bucket in the path (MinIO); default true when an endpoint is set. */
  @ValidateIf((env: EnvironmentVariables) => env.ATTACHMENT_S3_FORCE_PATH_STYLE !== undefined)
  @IsOneOf('true', 'false', '1', '0')
  ATTACHMENT_S3_FORCE_PATH_STYLE: string | undefined = undefined;

  /** After SIGTERM the process exits within this long, whatever it is waiting for. */
  @IsPositiveDuration()
  SHUTDOWN_TIMEOUT = 'PT10S';

  /** After SIGTERM, how long /health/ready answers 503 before the server stops accepting. */
  @IsPositiveDuration()
  SHUTDOWN_DRAIN = 'PT1S';

  @IsOneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')
  LOG_LEVEL = 'info';

  /** `json` (one object a line) or `pretty`; unset: pretty in development, JSON elsewhere. */
  @ValidateIf((env: EnvironmentVariables) => env.LOG_FORMAT !== undefined)
  @IsOneOf('json', 'pretty')
  LOG_FORMAT: string | undefined = undefined;

  /** Bearer token for GET /metrics; unset: /metrics is switched off (403). */
  @ValidateIf((env: EnvironmentVariables) => env.METRICS_TOKEN !== undefined)
  @HasNoSpaces()
  METRICS_TOKEN: string | undefined = undefined;

  /** A worker process serves /health/live, /health/ready and /metrics on this port when set. */
  @ValidateIf((env: EnvironmentVariables) => env.OPS_PORT !== undefined)
  @IsIntegerIn(1, 65535)
  OPS_PORT: string | undefined = undefined;

  /** Whether /health/ready needs a live timer worker: `auto` means when RUN_WORKER is on. */
  @IsOneOf('auto', 'true', 'false')
  EXPECT_WORKER = 'auto';
}

export type EnvironmentVariable = keyof EnvironmentVariables;
