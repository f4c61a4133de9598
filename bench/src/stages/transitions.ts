import { SendEventService } from '@tricolor/core';
import type { Actor } from '@tricolor/workflow';
import { productEnv, startInProcess, type Target } from '../app';
import { HttpClient } from '../http-client';
import { PG_ADMIN_URL, createPgDatabase, createRedisPrefix, createTempDir } from '../infra';
import { CpuMeter, childCpu, postgresCpu, redisCpu, selfCpu, type CpuSource } from '../cpu';
import { closedLoop, log, mapLimit, type LoadOptions, type LoadResult } from '../measure';
import { startChild } from '../processes';
import type { Settings } from '../settings';
import { buildWorld, disputeBody } from '../world';
import { PgLimit, SqliteLimit, loadPgCases, type LimitCase } from './limit';
import { captureQueries } from '../typeorm-tap';
import { profileChild, profileInProcess, type ProfileSummary } from '../profile';
import { runPgFloor, runSqliteFloor, type FloorRun } from './floor';
import { disputesTableStats, since, type DisputesTableStats } from './hot-updates';

export type Driver = 'postgres' | 'sqlite';
export type TransitionPath = 'floor' | 'limit' | 'limit-other' | 'service' | 'http';

export interface TransitionRow {
  driver: Driver;
  path: TransitionPath;
  concurrency: number;
  result: LoadResult;
  note?: string;
}

export interface TransitionsReport {
  driver: Driver;
  casesPerPath: number;
  openPerSecond: number;
  sqliteSynchronous?: string;
  /** SQL statements one SendEventService.send(EXTEND_DEADLINE) issues, as TypeORM logs them. */
  statementsPerTransition: { count: number; statements: string[] };
  /** PostgreSQL: how the stage's updates of `disputes` went (HOT or not) and its indexes. */
  disputesTable?: DisputesTableStats;
  rows: TransitionRow[];
  profiles: ProfileSummary[];
}

const REASON = 'the parties asked for more time';

/**
 * One EXTEND_DEADLINE per operation: the case stays in blue.mediating, its version goes up, one
 * hash-chained event is appended, the deadline and its reminder are replaced by two new timer
 * rows (and, after the commit, two new BullMQ jobs while the old two are removed). Each
 * concurrent caller owns its own slice of cases, so there are no version conflicts.
 */
export async function runTransitions(driver: Driver, s: Settings): Promise<TransitionsReport> {
  const db = driver === 'postgres' ? await createPgDatabase('tx') : undefined;
  const dir = await createTempDir('tx');
  const redis = createRedisPrefix('tx');
  const target: Target = { databaseUrl: db?.url, dataDir: dir.dir, redisPrefix: redis.prefix };
  const rows: TransitionRow[] = [];
  const profiles: ProfileSummary[] = [];
  const load = (concurrency: number): LoadOptions => ({
    concurrency,
    durationMs: s.transitionSeconds * 1000,
    warmupMs: s.warmupSeconds * 1000,
    maxOps: s.maxTransitionsPerRun,
  });
  // Each case's next `until`: later than its current deadline, and later again every time.
  // Inside EXTEND_DEADLINE_MAX (30 days from now, checked at the HTTP edge) even after 200,000
  // extensions of one second each, and later than a blue case's first deadline (3 working days).
  const base = Date.now() + 10 * 86_400_000;
  const extensions = new Map<string, number>();
  const nextUntil = (id: string) => {
    const k = (extensions.get(id) ?? 0) + 1;
    extensions.set(id, k);
    return new Date(base + k * 1_000);
  };
  const pick = (ids: readonly string[], concurrency: number, caller: number, n: number) => {
    const slice = ids.filter((_, i) => i % concurrency === caller);
    return slice[n % slice.length];
  };

  const meter = (...sources: CpuSource[]) =>
    new CpuMeter([...sources, ...(db ? [postgresCpu(PG_ADMIN_URL, db.name)] : []), redisCpu()]);

  const api = await startChild('api', productEnv(target, { RUN_WORKER: 'false' }));
  const http = new HttpClient(api.port ?? 0);
  try {
    const world = await buildWorld(http);
    const gw = world.token.gw1;
    log(`${driver}: opening ${3 * s.casesPerPath} cases through HTTP`);
    const t0 = performance.now();
    const opened = await mapLimit(
      Array.from({ length: 3 * s.casesPerPath }, (_, i) => i),
      16,
      async (i) =>
        (
          await http.expect<{ id: string }>(201, 'POST', '/disputes', {
            token: gw,
            body: disputeBody(i),
          })
        ).id,
    );
    const openPerSecond = opened.length / ((performance.now() - t0) / 1000);
    const [limitIds, serviceIds, httpIds] = [0, 1, 2].map((k) =>
      opened.slice(k * s.casesPerPath, (k + 1) * s.casesPerPath),
    ) as [string[], string[], string[]];

    // ---- the floor, then the limit
    let sqliteSynchronous: string | undefined;
    const floorRow = (f: FloorRun): TransitionRow => ({
      driver,
      path: 'floor',
      concurrency: f.concurrency,
      result: f.result,
      note: f.client,
    });
    if (driver === 'postgres') {
      rows.push(...(await runPgFloor(load)).map(floorRow));
    } else {
      const mode = SqliteLimit.defaultSynchronous(target.dataDir);
      rows.push(...(await runSqliteFloor(target.dataDir, mode, load)).map(floorRow));
    }
    const tableBefore = db ? await disputesTableStats(db.url) : undefined;
    if (driver === 'postgres') {
      const cases = await loadPgCases(target.databaseUrl ?? '', limitIds);
      const limit = new PgLimit(target.databaseUrl ?? '');
      await limit.connect(16);
      try {
        for (const concurrency of [1, 16]) {
          log(`postgres: plain SQL limit at concurrency ${concurrency}`);
          const byCaller = slices(cases, concurrency);
          const result = await closedLoop(
            load(concurrency),
            (caller, n) => {
              const c = pickCase(byCaller, caller, n);
              return limit.transition(caller, c, nextUntil(c.id), world.user.gw1.id);
            },
            meter(selfCpu('client (bench process)')),
          );
          rows.push({ driver, path: 'limit', concurrency, result });
        }
      } finally {
        await limit.close();
      }
    } else {
      const productMode = SqliteLimit.defaultSynchronous(target.dataDir);
      const otherMode = productMode === 'FULL' ? 'NORMAL' : 'FULL';
      sqliteSynchronous = productMode;
      const limit = new SqliteLimit(target.dataDir, productMode);
      try {
        const cases = limit.loadCases(limitIds);
        for (const [path, mode] of [
          ['limit', productMode],
          ['limit-other', otherMode],
        ] as const) {
          limit.setSynchronous(mode);
          log(`sqlite: plain SQL limit, synchronous=${mode}`);
          // better-sqlite3 is synchronous and SQLite has one writer: concurrency adds nothing, so
          // the one-writer figure stands for both concurrencies.
          const byCaller = slices(cases, 1);
          const result = await closedLoop(
            load(1),
            (_caller, n) => {
              const c = pickCase(byCaller, 0, n);
              limit.transition(c, nextUntil(c.id), world.user.gw1.id);
              return Promise.resolve();
            },
            meter(selfCpu('client (bench process)')),
          );
          rows.push({
            driver,
            path,
            concurrency: 1,
            result,
            ...(path === 'limit' ? {} : { note: `synchronous=${mode}` }),
          });
        }
      } finally {
        limit.close();
      }
    }

    // ---- the service layer, in this process
    log(`${driver}: SendEventService.send in-process`);
    const inProcess = await startInProcess(target);
    let statementsPerTransition: TransitionsReport['statementsPerTransition'];
    try {
      const sending = inProcess.get(SendEventService);
      const actor: Actor = await inProcess.actor(world.user.gw1);
      if (driver === 'sqlite') {
        // TypeORM sets no synchronous pragma: check that the product runs at the limit's level.
        const [row] =
          await inProcess.dataSource.query<{ synchronous: number }[]>('PRAGMA synchronous');
        const level = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][row?.synchronous ?? -1] ?? '?';
        if (level !== sqliteSynchronous)
          sqliteSynchronous = `${sqliteSynchronous} (limit) but ${level} (product)`;
      }
      const send = (id: string) =>
        sending.send({
          actor,
          disputeId: id,
          event: {
            type: 'EXTEND_DEADLINE',
            until: nextUntil(id).toISOString(),
            reason: REASON,
            consentingPartyIds: ['p1', 'p2'],
          },
        });
      const statements = await captureQueries(inProcess.dataSource, () => send(serviceIds[0]));
      statementsPerTransition = {
        count: statements.length,
        statements: statements.map((x) => x.sql.replace(/\s+/g, ' ').slice(0, 140)),
      };
      for (const concurrency of [1, 16]) {
        const run = () =>
          closedLoop(
            load(concurrency),
            async (caller, n) => {
              await send(pick(serviceIds, concurrency, caller, n));
            },
            meter(selfCpu('Tricolor (bench process)')),
          );
        const result =
          s.profile && concurrency === 16
            ? await profileInProcess(`${driver}-service-c16`, run, profiles)
            : await run();
        rows.push({ driver, path: 'service', concurrency, result });
      }
    } finally {
      await inProcess.close();
    }

    // ---- HTTP, against the API process
    for (const concurrency of [1, 16]) {
      log(`${driver}: HTTP POST /disputes/:id/events at concurrency ${concurrency}`);
      const run = () =>
        closedLoop(
          load(concurrency),
          async (caller, n) => {
            const id = pick(httpIds, concurrency, caller, n);
            await http.expect(200, 'POST', `/disputes/${id}/events`, {
              token: gw,
              body: {
                type: 'EXTEND_DEADLINE',
                until: nextUntil(id).toISOString(),
                reason: REASON,
                consentingPartyIds: ['p1', 'p2'],
              },
            });
          },
          meter(selfCpu('client (bench process)'), childCpu('Tricolor (API process)', api.pid)),
        );
      const result =
        s.profile && concurrency === 16
          ? await profileChild(api, `${driver}-http-c16`, run, profiles)
          : await run();
      rows.push({ driver, path: 'http', concurrency, result });
    }
    const disputesTable =
      db && tableBefore ? since(tableBefore, await disputesTableStats(db.url)) : undefined;
    return {
      driver,
      casesPerPath: s.casesPerPath,
      ...(disputesTable ? { disputesTable } : {}),
      openPerSecond,
      ...(sqliteSynchronous ? { sqliteSynchronous } : {}),
      statementsPerTransition,
      rows,
      profiles,
    };
  } finally {
    http.close();
    await api.stop();
    await db?.drop();
    await dir.drop();
    await redis.wipe();
  }
}

function slices(cases: LimitCase[], concurrency: number): LimitCase[][] {
  return Array.from({ length: concurrency }, (_, caller) =>
    cases.filter((_, i) => i % concurrency === caller),
  );
}

function pickCase(byCaller: LimitCase[][], caller: number, n: number): LimitCase {
  const slice = byCaller[caller] ?? [];
  return slice[n % slice.length];
}
