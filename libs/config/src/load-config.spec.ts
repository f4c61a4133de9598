import { DURATION_SETTINGS } from './app-config';
import { DEV_AUDIT_KEY, DEV_JWT_SECRET } from './dev-defaults';
import { loadConfig } from './load-config';

const DAY = 86_400_000;

const configError = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
};

describe('loadConfig', () => {
  it('applies the defaults of DESIGN.md §7 to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      dbPoolSize: 10,
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: '{tricolor}',
      jwtSecretIsDefault: true,
      jwtTtlMs: 15 * 60_000,
      jwtSessionMaxMs: 12 * 3_600_000,
      adminUsername: 'admin',
      adminPassword: 'admin',
      reminderRatio: 0.8,
      agendaCron: '0 8 * * 3',
      agendaTz: 'Asia/Shanghai',
      runWorker: true,
      workerConcurrency: 8,
      timerDrains: 2,
      reconcileIntervalMs: 30_000,
      workerLockDurationMs: 30_000,
    });
    // Working days where the practice counts them; the calendar-day fallback in `durations`.
    expect(config.workingSpans).toEqual({
      DEADLINE_BLUE_MEDIATION: { unit: 'WD', amount: 3 },
      DEADLINE_YELLOW_ACCEPTANCE: { unit: 'WD', amount: 1 },
      DEADLINE_YELLOW_REVIEW: { unit: 'WD', amount: 10 },
      DEADLINE_RED_CONVENING: { unit: 'WD', amount: 3 },
      FOLLOW_UP_DELAY: { unit: 'WD', amount: 5 },
    });
    expect(config.durations).toEqual({
      DEADLINE_BLUE_MEDIATION: 3 * DAY,
      DEADLINE_YELLOW_ACCEPTANCE: 1 * DAY,
      DEADLINE_YELLOW_REVIEW: 10 * DAY,
      DEADLINE_RED_CONVENING: 3 * DAY,
      DEADLINE_RED_MEDIATION: 30 * DAY,
      FOLLOW_UP_DELAY: 5 * DAY,
      CONFIRMATION_WINDOW: 30 * DAY,
    });
    expect(config.supervisionShare).toBe(0.2);
    expect(Object.keys(config.durations).sort()).toEqual([...DURATION_SETTINGS].sort());
    expect(config.jwtSecret.length).toBeGreaterThan(0);
    expect(config.warnings).toEqual([
      expect.stringContaining('JWT_SECRET'),
      expect.stringContaining('ADMIN_PASSWORD'),
      expect.stringContaining('AUDIT_KEYS'),
      expect.stringContaining('DATA_KEYS'),
    ]);
    expect(config.auditKeyId).toBe('dev');
    expect(config.trustProxy).toBe(false);
    // A laptop's `npm start` is not reachable from the network; a container's is, behind its proxy.
    expect(config.host).toBe('127.0.0.1');
  });

  it('reads every variable it is given', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '8080',
      DATABASE_URL: 'postgres://tricolor:secret@db:5432/tricolor',
      DATA_DIR: '/var/lib/tricolor',
      DB_POOL_SIZE: '4',
      REDIS_URL: 'rediss://cache:6380/2',
      REDIS_PREFIX: 'tc-test',
      JWT_SECRET: 's3cret',
      JWT_TTL: 'PT30M',
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'hunter2',
      AUDIT_KEYS: 'old:first-key,new:second-key',
      AUDIT_KEY_ID: 'old',
      DATA_KEYS: 'd1:data-key',
      TRUST_PROXY: '1',
      DEADLINE_BLUE_MEDIATION: 'PT5S',
      DEADLINE_YELLOW_ACCEPTANCE: 'PT1.5S',
      DEADLINE_YELLOW_REVIEW: 'PT1M',
      DEADLINE_RED_CONVENING: 'PT2M',
      DEADLINE_RED_MEDIATION: 'P1DT2H',
      FOLLOW_UP_DELAY: 'P2W',
      CONFIRMATION_WINDOW: 'PT30S',
      REMINDER_RATIO: '0.5',
      AGENDA_CRON: '*/5 * * * * *',
      AGENDA_TZ: 'UTC',
      RUN_WORKER: 'false',
    });
    expect(config).toMatchObject({
      nodeEnv: 'test',
      port: 8080,
      databaseUrl: 'postgres://tricolor:secret@db:5432/tricolor',
      dataDir: '/var/lib/tricolor',
      dbPoolSize: 4,
      redisUrl: 'rediss://cache:6380/2',
      redisPrefix: 'tc-test',
      jwtSecret: 's3cret',
      jwtSecretIsDefault: false,
      jwtTtlMs: 30 * 60_000,
      adminUsername: 'root',
      adminPassword: 'hunter2',
      auditKeys: { old: 'first-key', new: 'second-key' },
      auditKeyId: 'old',
      trustProxy: 1,
      reminderRatio: 0.5,
      agendaCron: '*/5 * * * * *',
      agendaTz: 'UTC',
      runWorker: false,
      warnings: [],
    });
    expect(config.durations).toEqual({
      DEADLINE_BLUE_MEDIATION: 5_000,
      DEADLINE_YELLOW_ACCEPTANCE: 1_500,
      DEADLINE_YELLOW_REVIEW: 60_000,
      DEADLINE_RED_CONVENING: 120_000,
      DEADLINE_RED_MEDIATION: 26 * 3_600_000,
      FOLLOW_UP_DELAY: 14 * DAY,
      CONFIRMATION_WINDOW: 30_000,
    });
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '  ', DEADLINE_BLUE_MEDIATION: '' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.durations.DEADLINE_BLUE_MEDIATION).toBe(3 * DAY);
  });

  it('reads working time (3WD, 4WH) beside ISO 8601 durations', () => {
    const config = loadConfig({
      DEADLINE_BLUE_MEDIATION: '4WH',
      DEADLINE_YELLOW_ACCEPTANCE: 'PT5S',
    });
    expect(config.workingSpans.DEADLINE_BLUE_MEDIATION).toEqual({ unit: 'WH', amount: 4 });
    expect(config.workingSpans.DEADLINE_YELLOW_ACCEPTANCE).toBeUndefined();
    // 4 of 7.5 working hours is that share of a calendar day where a year has no data.
    expect(config.durations.DEADLINE_BLUE_MEDIATION).toBe(Math.round((4 * DAY) / 7.5));
    expect(config.durations.DEADLINE_YELLOW_ACCEPTANCE).toBe(5_000);
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.durations)).toBe(true);
  });

  it.each([
    [
      'DEADLINE_BLUE_MEDIATION',
      '3 days',
      'DEADLINE_BLUE_MEDIATION: "3 days" is not an ISO 8601 duration',
    ],
    ['DEADLINE_YELLOW_ACCEPTANCE', 'P1M', 'DEADLINE_YELLOW_ACCEPTANCE: "P1M" uses years or months'],
    ['DEADLINE_YELLOW_REVIEW', 'PT0S', 'DEADLINE_YELLOW_REVIEW: "PT0S" is not a positive duration'],
    ['DEADLINE_RED_CONVENING', 'P3', 'DEADLINE_RED_CONVENING: "P3" is not an ISO 8601 duration'],
    ['DEADLINE_RED_MEDIATION', '30d', 'DEADLINE_RED_MEDIATION: "30d"'],
    ['FOLLOW_UP_DELAY', '7', 'FOLLOW_UP_DELAY: "7"'],
    ['CONFIRMATION_WINDOW', 'P1Y', 'CONFIRMATION_WINDOW: "P1Y"'],
    [
      'DEADLINE_BLUE_MEDIATION',
      '3 WDX',
      'DEADLINE_BLUE_MEDIATION: "3 WDX" is not an ISO 8601 duration (nor working time',
    ],
    ['DEADLINE_YELLOW_REVIEW', '0WD', 'DEADLINE_YELLOW_REVIEW: "0WD"'],
    ['SUPERVISION_SHARE', '1.5', 'SUPERVISION_SHARE: "1.5" is not a number between 0 and 1'],
    ['JWT_TTL', '12h', 'JWT_TTL: "12h" is not an ISO 8601 duration'],
    ['REMINDER_RATIO', '1', 'REMINDER_RATIO: "1" is not a number between 0 and 1'],
    ['REMINDER_RATIO', '0', 'REMINDER_RATIO: "0"'],
    ['REMINDER_RATIO', '80%', 'REMINDER_RATIO: "80%"'],
    ['PORT', '70000', 'PORT: "70000" is not an integer from 1 to 65535'],
    ['PORT', 'http', 'PORT: "http"'],
    ['DB_POOL_SIZE', '1.5', 'DB_POOL_SIZE: "1.5"'],
    [
      'DATABASE_URL',
      'mysql://db/tricolor',
      'DATABASE_URL: "mysql://db/tricolor" is not a postgres:// or postgresql:// URL',
    ],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL: "not a url"'],
    ['REDIS_URL', 'http://127.0.0.1:6379', 'REDIS_URL: "http://127.0.0.1:6379"'],
    ['REDIS_PREFIX', 'a b', 'REDIS_PREFIX: "a b"'],
    ['NODE_ENV', 'staging', 'NODE_ENV: "staging" is not one of development, production, test'],
    ['AGENDA_CRON', 'every wednesday', 'AGENDA_CRON: "every wednesday"'],
    ['AGENDA_TZ', 'Mars/Olympus_Mons', 'AGENDA_TZ: "Mars/Olympus_Mons" is not an IANA time zone'],
    ['RUN_WORKER', 'yes', 'RUN_WORKER: "yes" is not one of true, false, 1, 0'],
  ])('refuses %s=%j, naming the variable', (name, value, message) => {
    expect(configError({ [name]: value })).toContain(message);
  });

  it('lists every bad variable in one error', () => {
    const message = configError({ PORT: '0', DEADLINE_BLUE_MEDIATION: '3 days' });
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain('PORT: "0"');
    expect(message).toContain('DEADLINE_BLUE_MEDIATION: "3 days"');
  });

  describe('in production', () => {
    const STRONG = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-jwt-secret-of-at-least-32-bytes-long',
      ADMIN_PASSWORD: 'a-long-admin-password',
      AUDIT_KEYS: 'k1:an-audit-key-of-at-least-32-bytes-long',
      DATA_KEYS: 'd1:a-data-key-of-at-least-32-bytes-long-too',
      TRUST_PROXY: 'loopback',
    };

    it('requires JWT_SECRET, ADMIN_PASSWORD, AUDIT_KEYS and DATA_KEYS', () => {
      const message = configError({ NODE_ENV: 'production' });
      expect(message).toContain('DATA_KEYS is required when NODE_ENV=production');
      expect(message).toContain('JWT_SECRET is required when NODE_ENV=production');
      expect(message).toContain('ADMIN_PASSWORD is required when NODE_ENV=production');
      expect(message).toContain('AUDIT_KEYS is required when NODE_ENV=production');
    });

    it('requires JWT_SECRET even when ADMIN_PASSWORD is given', () => {
      const message = configError({ NODE_ENV: 'production', ADMIN_PASSWORD: 'x' });
      expect(message).toContain('JWT_SECRET');
      expect(message).not.toContain('ADMIN_PASSWORD');
    });

    it('starts with strong settings and no warnings', () => {
      const config = loadConfig(STRONG);
      expect(config.jwtSecret).toBe(STRONG.JWT_SECRET);
      expect(config.jwtSecretIsDefault).toBe(false);
      expect(config.adminPassword).toBe(STRONG.ADMIN_PASSWORD);
      expect(config.auditKeyId).toBe('k1');
      expect(config.host).toBe('0.0.0.0');
      expect(config.warnings).toEqual([]);
    });

    // Finding 3 of issue 9: each of these started a production server.
    it.each([
      [{ JWT_SECRET: 'x' }, 'JWT_SECRET must be at least 32 bytes'],
      [{ JWT_SECRET: DEV_JWT_SECRET }, 'JWT_SECRET is the public development secret'],
      [{ ADMIN_PASSWORD: 'admin' }, 'ADMIN_PASSWORD must not be the default'],
      [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must not be the default'],
      [{ AUDIT_KEYS: `dev:${DEV_AUDIT_KEY}` }, 'AUDIT_KEYS: key "dev" is a development default'],
      [{ AUDIT_KEYS: 'k1:short' }, 'AUDIT_KEYS: key "k1" must be at least 32 bytes'],
      [{ DATA_KEYS: 'd1:short' }, 'DATA_KEYS: key "d1" must be at least 32 bytes'],
      [{ TRUST_PROXY: '' }, 'TRUST_PROXY must be set explicitly'],
      [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY=true trusts any client'],
    ])('refuses %j', (change, problem) => {
      const message = configError({ ...STRONG, ...change });
      expect(message).toContain('Refusing to start in production');
      expect(message).toContain(problem);
      expect(message).not.toContain(DEV_AUDIT_KEY);
    });
  });

  it('reads process.env by default', () => {
    const saved = process.env.DEADLINE_BLUE_MEDIATION;
    process.env.DEADLINE_BLUE_MEDIATION = 'PT7S';
    try {
      expect(loadConfig().durations.DEADLINE_BLUE_MEDIATION).toBe(7_000);
    } finally {
      if (saved === undefined) delete process.env.DEADLINE_BLUE_MEDIATION;
      else process.env.DEADLINE_BLUE_MEDIATION = saved;
    }
  });
});
