import 'reflect-metadata';
import { validateSync, type ValidationError } from 'class-validator';
import { AppConfig, DURATION_SETTINGS, type DurationSetting, type NodeEnv } from './app-config';
import { EnvironmentVariables, type EnvironmentVariable } from './environment';
import { parseWorkingSpan, type WorkingSpan } from '@tricolor/workflow';
import { parseIsoDuration } from './iso-duration';
import {
  DEV_ADMIN_PASSWORD,
  DEV_AUDIT_KEY,
  DEV_AUDIT_KEY_ID,
  DEV_DATA_KEY,
  DEV_DATA_KEY_ID,
  DEV_JWT_SECRET,
} from './dev-defaults';
import { productionProblems } from './production-rules';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 08:30–12:00 and 13:30–17:30. */
const WORKING_DAY = 7.5 * HOUR;

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
  const config = toAppConfig(vars);
  const problems = config.nodeEnv === 'production' ? productionProblems(config, env) : [];
  if (problems.length > 0) {
    throw new Error(`Refusing to start in production: ${problems.join('; ')}`);
  }
  return config;
}

/** `id:secret,id:secret`; throws naming AUDIT_KEYS when a pair is malformed or repeated. */
function parseAuditKeys(text: string, name = 'AUDIT_KEYS'): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf(':');
    const id = pair.slice(0, Math.max(at, 0)).trim();
    const secret = pair.slice(at + 1).trim();
    if (at <= 0 || !/^[A-Za-z0-9_.-]{1,32}$/.test(id) || secret === '' || id in keys) {
      throw new Error(
        `Invalid configuration: ${name} must be comma-separated id:secret pairs with distinct ids of 1-32 letters, digits, _ . or -`,
      );
    }
    keys[id] = secret;
  }
  return keys;
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
  if (vars.AUDIT_KEYS === undefined) {
    warnings.push('AUDIT_KEYS is unset: audit records are sealed with a public development key');
  }
  const auditKeys = vars.AUDIT_KEYS
    ? parseAuditKeys(vars.AUDIT_KEYS)
    : { [DEV_AUDIT_KEY_ID]: DEV_AUDIT_KEY };
  const auditKeyId = vars.AUDIT_KEY_ID ?? Object.keys(auditKeys).at(-1) ?? DEV_AUDIT_KEY_ID;
  if (!(auditKeyId in auditKeys)) {
    throw new Error(
      `Invalid configuration: AUDIT_KEY_ID: "${auditKeyId}" is not a key of AUDIT_KEYS`,
    );
  }
  if (vars.DATA_KEYS === undefined) {
    warnings.push(
      "DATA_KEYS is unset: parties' numbers are encrypted with a public development key",
    );
  }
  const dataKeys = vars.DATA_KEYS
    ? parseAuditKeys(vars.DATA_KEYS, 'DATA_KEYS')
    : { [DEV_DATA_KEY_ID]: DEV_DATA_KEY };
  const dataKeyId = vars.DATA_KEY_ID ?? Object.keys(dataKeys).at(-1) ?? DEV_DATA_KEY_ID;
  if (!(dataKeyId in dataKeys)) {
    throw new Error(`Invalid configuration: DATA_KEY_ID: "${dataKeyId}" is not a key of DATA_KEYS`);
  }
  const durations = Object.fromEntries(
    DURATION_SETTINGS.map((name) => {
      const span = workingSpans[name];
      return [name, span ? fallbackMs(span) : parseIsoDuration(vars[name])];
    }),
  ) as Record<DurationSetting, number>;

  return new AppConfig({
    nodeEnv: vars.NODE_ENV as NodeEnv,
    port: Number(vars.PORT),
    host: vars.HOST ?? (vars.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
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
    jwtSessionMaxMs: parseIsoDuration(vars.JWT_SESSION_MAX),
    auditKeys: Object.freeze(auditKeys),
    auditKeyId,
    dataKeys: Object.freeze(dataKeys),
    dataKeyId,
    trustProxy: parseTrustProxy(vars.TRUST_PROXY),
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
    timerDrains: Number(vars.TIMER_DRAINS),
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
    throttle: Object.freeze({
      loginAccount: rule(
        vars.THROTTLE_LOGIN_ACCOUNT_LIMIT,
        vars.THROTTLE_LOGIN_WINDOW,
        vars.THROTTLE_LOGIN_LOCKOUT,
      ),
      loginIp: rule(
        vars.THROTTLE_LOGIN_IP_LIMIT,
        vars.THROTTLE_LOGIN_WINDOW,
        vars.THROTTLE_LOGIN_LOCKOUT,
      ),
      write: rule(vars.THROTTLE_WRITE_LIMIT, vars.THROTTLE_WRITE_WINDOW),
      caseEvents: rule(vars.THROTTLE_CASE_EVENT_LIMIT, vars.THROTTLE_CASE_EVENT_WINDOW),
      agendaBuild: rule(vars.THROTTLE_AGENDA_BUILD_LIMIT, vars.THROTTLE_AGENDA_BUILD_WINDOW),
    }),
    heavyQueryConcurrency: Number(vars.HEAVY_QUERY_CONCURRENCY),
    heavyQueryQueue: Number(vars.HEAVY_QUERY_QUEUE),
    extendDeadlineMaxMs: parseIsoDuration(vars.EXTEND_DEADLINE_MAX),
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

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function rule(limit: string, window: string, lockout?: string) {
  return {
    limit: Number(limit),
    windowMs: parseIsoDuration(window),
    blockMs: lockout ? parseIsoDuration(lockout) : 0,
  };
}
const runWorker = (vars: EnvironmentVariables): boolean =>
  vars.RUN_WORKER === 'true' || vars.RUN_WORKER === '1';
