import 'reflect-metadata';
import { validateSync, type ValidationError } from 'class-validator';
import { AppConfig, DURATION_SETTINGS, type DurationSetting, type NodeEnv } from './app-config';
import { EnvironmentVariables, type EnvironmentVariable } from './environment';
import { parseWorkingSpan, type WorkingSpan } from '@tricolor/workflow';
import { parseIsoDuration } from './iso-duration';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 08:30–12:00 and 13:30–17:30. */
const WORKING_DAY = 7.5 * HOUR;

const DEV_JWT_SECRET = 'tricolor-development-secret-not-for-production';
const DEV_ADMIN_PASSWORD = 'admin';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates the configuration. Throws one Error listing every bad variable by name,
 * e.g. `DEADLINE_BLUE_MEDIATION: "3 days" is not an ISO 8601 duration`.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const vars = readEnvironment(env);
  const errors = validateSync(vars);
  if (errors.length > 0) {
    throw new Error(`Invalid configuration: ${errors.flatMap(messagesOf).join('; ')}`);
  }
  return toAppConfig(vars);
}

function readEnvironment(env: Env): EnvironmentVariables {
  const vars = new EnvironmentVariables();
  for (const name of Object.keys(vars) as EnvironmentVariable[]) {
    // An empty variable (`DATABASE_URL=` in a compose file) means "unset".
    const value = env[name]?.trim();
    if (value) vars[name] = value;
  }
  return vars;
}

const messagesOf = (error: ValidationError): string[] => Object.values(error.constraints ?? {});

function toAppConfig(vars: EnvironmentVariables): AppConfig {
  const warnings: string[] = [];
  if (vars.JWT_SECRET === undefined) {
    warnings.push('JWT_SECRET is unset: tokens are signed with a public development secret');
  }
  if (vars.ADMIN_PASSWORD === undefined) {
    warnings.push(`ADMIN_PASSWORD is unset: the first admin's password is "${DEV_ADMIN_PASSWORD}"`);
  }
  const workingSpans: Partial<Record<DurationSetting, WorkingSpan>> = {};
  for (const name of DURATION_SETTINGS) {
    const span = parseWorkingSpan(vars[name]);
    if (span) workingSpans[name] = span;
  }
  // Where a year has no calendar data, a working day counts as a calendar day.
  const fallbackMs = (span: WorkingSpan): number =>
    Math.round(span.amount * (span.unit === 'WD' ? DAY : (HOUR * DAY) / WORKING_DAY));
  const durations = Object.fromEntries(
    DURATION_SETTINGS.map((name) => {
      const span = workingSpans[name];
      return [name, span ? fallbackMs(span) : parseIsoDuration(vars[name])];
    }),
  ) as Record<DurationSetting, number>;

  return new AppConfig({
    nodeEnv: vars.NODE_ENV as NodeEnv,
    port: Number(vars.PORT),
    databaseUrl: vars.DATABASE_URL,
    dataDir: vars.DATA_DIR,
    dbPoolSize: Number(vars.DB_POOL_SIZE),
    redisUrl: vars.REDIS_URL,
    redisPrefix: vars.REDIS_PREFIX,
    redisSentinels: vars.REDIS_SENTINELS?.split(',').map((part) => {
      const [host = '', port = ''] = part.trim().split(':');
      return { host, port: Number(port) };
    }),
    redisSentinelName: vars.REDIS_SENTINEL_NAME,
    jwtSecret: vars.JWT_SECRET ?? DEV_JWT_SECRET,
    jwtSecretIsDefault: vars.JWT_SECRET === undefined,
    jwtTtlMs: parseIsoDuration(vars.JWT_TTL),
    adminUsername: vars.ADMIN_USERNAME,
    adminPassword: vars.ADMIN_PASSWORD ?? DEV_ADMIN_PASSWORD,
    durations: Object.freeze(durations),
    workingSpans: Object.freeze(workingSpans),
    supervisionShare: Number(vars.SUPERVISION_SHARE),
    reminderRatio: Number(vars.REMINDER_RATIO),
    agendaCron: vars.AGENDA_CRON,
    agendaTz: vars.AGENDA_TZ,
    runWorker: runWorker(vars),
    workerConcurrency: Number(vars.WORKER_CONCURRENCY),
    reconcileIntervalMs: parseIsoDuration(vars.RECONCILE_INTERVAL),
    workerLockDurationMs: parseIsoDuration(vars.WORKER_LOCK_DURATION),
    attachmentMaxBytes: Number(vars.ATTACHMENT_MAX_BYTES),
    attachmentS3:
      vars.ATTACHMENT_S3_BUCKET === undefined
        ? undefined
        : {
            bucket: vars.ATTACHMENT_S3_BUCKET,
            endpoint: vars.ATTACHMENT_S3_ENDPOINT,
            region: vars.ATTACHMENT_S3_REGION,
            prefix: vars.ATTACHMENT_S3_PREFIX ?? 'attachments/',
            forcePathStyle:
              vars.ATTACHMENT_S3_FORCE_PATH_STYLE === undefined
                ? vars.ATTACHMENT_S3_ENDPOINT !== undefined
                : vars.ATTACHMENT_S3_FORCE_PATH_STYLE === 'true' ||
                  vars.ATTACHMENT_S3_FORCE_PATH_STYLE === '1',
          },
    shutdownTimeoutMs: parseIsoDuration(vars.SHUTDOWN_TIMEOUT),
    shutdownDrainMs: parseIsoDuration(vars.SHUTDOWN_DRAIN),
    logLevel: vars.LOG_LEVEL,
    logFormat: (vars.LOG_FORMAT ?? (vars.NODE_ENV === 'development' ? 'pretty' : 'json')) as
      'json' | 'pretty',
    metricsToken: vars.METRICS_TOKEN,
    opsPort: vars.OPS_PORT === undefined ? undefined : Number(vars.OPS_PORT),
    expectWorker: vars.EXPECT_WORKER === 'auto' ? runWorker(vars) : vars.EXPECT_WORKER === 'true',
    warnings,
  });
}

const runWorker = (vars: EnvironmentVariables): boolean =>
  vars.RUN_WORKER === 'true' || vars.RUN_WORKER === '1';
