import type { DurationSetting, WorkingSpan } from '@tricolor/workflow';

// The timer durations of DESIGN.md §5 are named where the statechart declares its timers.
export { DURATION_SETTINGS, type DurationSetting } from '@tricolor/workflow';

/** A fixed-window limit: `limit` hits per `windowMs`; past it, refused for `blockMs` (or the window). */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
  blockMs: number;
}

export type NodeEnv = 'development' | 'production' | 'test';

/** The plain data of an AppConfig: every readonly field, no methods. */
export type AppConfigFields = { readonly [K in keyof AppConfig]: AppConfig[K] };

/**
 * The validated, typed configuration. A class (not an interface) so NestJS can inject it by type:
 * `{ provide: AppConfig, useValue: loadConfig() }`.
 */
export class AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  /** The interface to listen on (HOST). */
  readonly host: string;
  /** Unset: the embedded SQLite database under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly dbPoolSize: number;
  readonly redisUrl: string;
  readonly redisPrefix: string;
  /** Set: connect through these Redis Sentinels to the primary `redisSentinelName`. */
  readonly redisSentinels: readonly { host: string; port: number }[] | undefined;
  readonly redisSentinelName: string;
  readonly jwtSecret: string;
  /** True when JWT_SECRET was unset outside production and a development secret is in use. */
  readonly jwtSecretIsDefault: boolean;
  readonly jwtTtlMs: number;
  readonly jwtSessionMaxMs: number;
  /** HMAC keys that seal audit records, by key id (AUDIT_KEYS). */
  readonly auditKeys: Readonly<Record<string, string>>;
  /** The key new records are sealed with (AUDIT_KEY_ID). */
  readonly auditKeyId: string;
  /** AES-GCM keys for the parties' numbers at rest, by key id (DATA_KEYS). */
  readonly dataKeys: Readonly<Record<string, string>>;
  /** The key new values are encrypted with (DATA_KEY_ID). */
  readonly dataKeyId: string;
  /** Express `trust proxy`: false, a hop count, or addresses (TRUST_PROXY). */
  readonly trustProxy: boolean | number | string;
  readonly adminUsername: string;
  readonly adminPassword: string;
  /** Milliseconds, keyed by the variable that sets each one. */
  readonly durations: Readonly<Record<DurationSetting, number>>;
  /** Settings given in working time (`3WD`); `durations` holds their calendar-day fallback. */
  readonly workingSpans: Readonly<Partial<Record<DurationSetting, WorkingSpan>>>;
  /** Supervision (督办): the last share of a deadline's window that counts as about to breach. */
  readonly supervisionShare: number;
  readonly reminderRatio: number;
  readonly agendaCron: string;
  readonly agendaTz: string;
  /** Whether the API process also runs the timer worker. */
  readonly runWorker: boolean;
  readonly workerConcurrency: number;
  /** Timer batches fired at once per worker process on PostgreSQL (TIMER_DRAINS; SQLite: 1). */
  readonly timerDrains: number;
  readonly reconcileIntervalMs: number;
  readonly workerLockDurationMs: number;
  /** The largest attachment accepted, in bytes. */
  readonly attachmentMaxBytes: number;
  /** Set when attachments go to an S3-compatible bucket. */
  readonly attachmentS3:
    | {
        bucket: string;
        endpoint: string | undefined;
        region: string;
        prefix: string;
        forcePathStyle: boolean;
      }
    | undefined;
  /** Rate limits (THROTTLE_* variables, README "Security"). */
  readonly throttle: Readonly<{
    /** Failed and successful logins per account (username): a lockout. */
    loginAccount: ThrottleRule;
    /** Logins per client address. */
    loginIp: ThrottleRule;
    /** POST/PATCH/PUT/DELETE per user. */
    write: ThrottleRule;
    /** SUSPEND, RESUME and EXTEND_DEADLINE per case. */
    caseEvents: ThrottleRule;
    /** POST /agenda builds per user. */
    agendaBuild: ThrottleRule;
  }>;
  /** Heavy queries one user may run at once on one process (HEAVY_QUERY_CONCURRENCY). */
  readonly heavyQueryConcurrency: number;
  /** A user's heavy queries that may wait for a running one to finish (HEAVY_QUERY_QUEUE). */
  readonly heavyQueryQueue: number;
  /** The furthest EXTEND_DEADLINE may move a deadline from now (EXTEND_DEADLINE_MAX). */
  extendDeadlineMaxMs: number;
  readonly shutdownTimeoutMs: number;
  readonly shutdownDrainMs: number;
  readonly logLevel: string;
  readonly logFormat: 'json' | 'pretty';
  /** Unset: GET /metrics is switched off. */
  readonly metricsToken: string | undefined;
  /** The worker process's own health and metrics port; unset: none. */
  readonly opsPort: number | undefined;
  /** Whether /health/ready requires a live timer worker heartbeat. */
  readonly expectWorker: boolean;
  /** Insecure defaults in use, for the boot log. */
  readonly warnings: readonly string[];

  constructor(fields: AppConfigFields) {
    Object.assign(this, fields);
    Object.freeze(this);
  }
}
