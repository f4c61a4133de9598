import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { postgresVersion, redisVersion } from './infra';
import type { Summary } from './measure';
import type { ProfileSummary } from './profile';
import type { Settings } from './settings';
import type { MemoryReport } from './stages/memory';
import type { ScaleReport } from './stages/scale';
import type { TimerFigures, TimersReport } from './stages/timers';
import type { TransitionRow, TransitionsReport } from './stages/transitions';

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  node: string;
  postgres: string;
  redis: string;
  platform: string;
  /** The 1-minute load average when the run started: other work on the machine skews figures. */
  loadAverage?: number;
}

export interface BenchReport {
  date: string;
  quick: boolean;
  durationSeconds?: number;
  machine: MachineInfo;
  transitions: TransitionsReport[];
  timers?: TimersReport;
  scale?: ScaleReport;
  memory?: MemoryReport;
  targets?: TargetVerdict[];
  errors: { stage: string; message: string }[];
}

export interface TargetVerdict {
  target: string;
  result: string;
  met: boolean | null;
}

export async function machineInfo(): Promise<MachineInfo> {
  const safe = async (f: () => Promise<string>) =>
    f().catch((e: Error) => `unavailable (${e.message})`);
  return {
    nproc: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    postgres: await safe(postgresVersion),
    redis: await safe(redisVersion),
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg()[0],
  };
}

const RESULTS = path.resolve(process.cwd(), 'bench/results');

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const ms = (n: number) => (!Number.isFinite(n) ? '–' : n >= 100 ? int(n) : n.toFixed(1));
const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} %` : '–');
const mb = (n: number) => `${Math.round(n)} MB`;
const yes = (met: boolean | null) => (met === null ? '–' : met ? '✅ met' : '❌ missed');

const PATH_LABEL: Record<TransitionRow['path'], string> = {
  floor: 'the floor: 1 small update + 1 small insert',
  limit: 'plain SQL: the limit',
  'limit-other': 'plain SQL',
  service: 'SendEventService.send (in-process)',
  http: 'HTTP POST /disputes/:id/events (API process)',
};

/** The plain-SQL limit a row is compared with: same driver, same concurrency (SQLite: one writer). */
function limitFor(report: TransitionsReport, concurrency: number): TransitionRow | undefined {
  const limits = report.rows.filter((r) => r.path === 'limit');
  return (
    limits.find((r) => r.concurrency === concurrency) ?? limits.find((r) => r.concurrency === 1)
  );
}

/** The database's floor (bench/src/stages/floor.ts): pgbench when it ran, else the pg client. */
export function floorOf(report: TransitionsReport): TransitionRow | undefined {
  return report.rows.find((r) => r.path === 'floor');
}

function transitionsTable(reports: TransitionsReport[]): string[] {
  const lines = [
    '| database | path | concurrency | transitions/s | of the floor | of the limit | p50 ms | p99 ms | errors |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: |',
  ];
  for (const report of reports) {
    const db = report.driver === 'postgres' ? 'PostgreSQL' : 'SQLite';
    for (const concurrency of [1, 16]) {
      for (const row of report.rows.filter((r) => r.concurrency === concurrency)) {
        const limit = limitFor(report, concurrency);
        const ratio = limit ? (100 * row.result.perSecond) / limit.result.perSecond : Number.NaN;
        const floor = floorOf(report);
        const ofFloor = floor ? (100 * row.result.perSecond) / floor.result.perSecond : Number.NaN;
        lines.push(
          `| ${db} | ${PATH_LABEL[row.path]}${row.note ? ` (${row.note})` : ''} | ${concurrency} | ${int(row.result.perSecond)} | ${pct(ofFloor)} | ${row.path === 'floor' ? '' : pct(ratio)} | ${ms(row.result.latencyMs.p50)} | ${ms(row.result.latencyMs.p99)} | ${row.result.errors} |`,
        );
      }
      if (report.driver === 'sqlite' && concurrency === 16) {
        lines.push(
          `| ${db} | plain SQL (one writer: the concurrency-1 figures) | 16 | | | 100 % | | | |`,
        );
      }
    }
  }
  return lines;
}

/** Where each transition's CPU went: milliseconds per transition, by process. */
function cpuTable(reports: TransitionsReport[]): string[] {
  const lines = [
    '| database | path | concurrency | Tricolor process | client | PostgreSQL | Redis (shared) | Tricolor process busy | longest event-loop stall in-process |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: |',
  ];
  const per = (row: TransitionRow, name: string) => {
    const cpu = row.result.cpu;
    const v = cpu?.ms[name];
    return v === undefined || row.result.ops === 0 ? '–' : (v / row.result.ops).toFixed(2);
  };
  for (const report of reports) {
    const db = report.driver === 'postgres' ? 'PostgreSQL' : 'SQLite';
    for (const row of report.rows) {
      const cpu = row.result.cpu;
      const app =
        cpu?.ms['Tricolor (API process)'] ?? cpu?.ms['Tricolor (bench process)'] ?? undefined;
      const busy = app === undefined || !cpu ? '–' : pct((100 * app) / 1000 / cpu.seconds);
      const appName =
        row.path === 'http'
          ? 'Tricolor (API process)'
          : row.path === 'service'
            ? 'Tricolor (bench process)'
            : '';
      lines.push(
        `| ${db} | ${PATH_LABEL[row.path]}${row.note ? ` (${row.note})` : ''} | ${row.concurrency} | ${appName ? per(row, appName) : '–'} | ${row.path === 'service' ? '–' : per(row, 'client (bench process)')} | ${per(row, 'PostgreSQL backends')} | ${per(row, 'Redis server (shared)')} | ${busy} | ${row.path === 'http' ? '–' : `${ms(row.result.eventLoopDelayMs.max)} ms`} |`,
      );
    }
  }
  return lines;
}

function timersTable(t: TimersReport): string[] {
  const row = (f: TimerFigures) => {
    // Deadlines not fired by the cap count as (cap - due): a quantile they reach is a lower bound.
    const unfired = (f.due - f.fired) / Math.max(1, f.due);
    const ge = (q: number) => (f.latenessIsLowerBound && unfired > 1 - q ? '≥ ' : '');
    return `| ${f.what} | ${int(f.due)} | ${int(f.fired)} | ${ge(0.5)}${ms(f.latenessMs.p50)} | ${ge(0.99)}${ms(f.latenessMs.p99)} | ${ge(1)}${ms(f.latenessMs.max)} | ${f.early} | ${f.lost}${f.queuedAtCap ? ` (+${int(f.queuedAtCap)} still queued at the cap)` : ''} | ${f.doubled} | ${f.drainSeconds.toFixed(1)} s |`;
  };
  return [
    '| timers | due | fired | lateness p50 ms | p99 ms | max ms | early | lost | fired twice | last one fired, from window start |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    row(t.tricolor),
    row(t.bullmq),
  ];
}

function scaleTable(s: ScaleReport): string[] {
  const lines = [
    '| query | as | matched | runs | p50 ms | p95 ms | target | |',
    '| --- | --- | --: | --: | --: | --: | --: | --- |',
  ];
  for (const q of s.queries) {
    lines.push(
      `| ${q.kind}: ${q.name} (\`${q.request}\`) | ${q.actor} | ${q.matchedIsFloor ? '> ' : ''}${int(q.matched)} | ${q.runs} | ${ms(q.latencyMs.p50)} | ${ms(q.latencyMs.p95)} | ≤ ${q.targetMs} | ${q.met ? '✅' : '❌'} |`,
    );
  }
  return lines;
}

function memoryTable(m: MemoryReport): string[] {
  const peaks = m.processes
    .filter((p) => p.atPeak)
    .map((p) => {
      const x = p.atPeak ?? { rssMb: 0, t: 0, heapUsedMb: 0, heapTotalMb: 0, externalMb: 0 };
      return `${p.process}: highest sample ${mb(x.rssMb)} RSS at ${x.t.toFixed(1)} s after the worker started, V8 heap ${mb(x.heapUsedMb)} used of ${mb(x.heapTotalMb)}, external ${mb(x.externalMb)}; CPU busy ${pct(p.busyPct)} of one core over the stage`;
    });
  return [
    '| process | RSS after start | peak RSS (VmHWM) | RSS at end | target ≤ 250 MB |',
    '| --- | --: | --: | --: | --- |',
    ...m.processes.map(
      (p) =>
        `| ${p.process} | ${mb(p.startMb)} | ${mb(p.peakMb)} | ${mb(p.endMb)} | ${p.peakMb <= 250 ? '✅' : '❌'} |`,
    ),
    '',
    `Sampled every 250 ms: ${peaks.join('; ')}. One pass of the worker's reconciler (TimerReconciler.reconcile, run at start and every ${m.reconcile.intervalSeconds} s) over these jobs took ${m.reconcile.seconds.toFixed(1)} s in the benchmark process.`,
  ];
}

export function verdicts(report: BenchReport): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  for (const t of report.transitions) {
    const http = t.rows.find((r) => r.path === 'http' && r.concurrency === 16);
    const limit = limitFor(t, 16);
    if (http && limit) {
      const ratio = (100 * http.result.perSecond) / limit.result.perSecond;
      const floor = floorOf(t);
      if (floor) {
        const share = (100 * http.result.perSecond) / floor.result.perSecond;
        const goal = t.driver === 'postgres' ? 20 : 50;
        out.push({
          target: `${t.driver === 'postgres' ? 'PostgreSQL' : 'SQLite'}: HTTP transitions ≥ ${goal} % of the database's floor at concurrency 16`,
          result: `${pct(share)} (${int(http.result.perSecond)} of ${int(floor.result.perSecond)}/s, ${floor.note ?? ''})`,
          met: share >= goal,
        });
      }
      out.push({
        target: `${t.driver === 'postgres' ? 'PostgreSQL' : 'SQLite'}: HTTP transitions ≥ 50 % of the plain-SQL limit at concurrency 16`,
        result: `${pct(ratio)} (${int(http.result.perSecond)} of ${int(limit.result.perSecond)}/s)`,
        met: ratio >= 50,
      });
    }
  }
  if (report.timers) {
    const f = report.timers.tricolor;
    out.push({
      target: 'Timers: p99 lateness ≤ 1 s, none early, lost or fired twice',
      result: `p99 ${ms(f.latenessMs.p99)} ms${f.queuedAtCap ? ` over the ${int(f.fired)} fired (${int(f.queuedAtCap)} not yet fired at the cap)` : ''}, ${f.early} early, ${f.lost} lost, ${f.doubled} twice`,
      met:
        f.latenessMs.p99 <= 1000 &&
        f.early === 0 &&
        f.lost === 0 &&
        f.doubled === 0 &&
        f.queuedAtCap === 0,
    });
    const users = report.timers.users;
    if (users) {
      const ratio = users.storm.latencyMs.p99 / Math.max(1e-9, users.quiet.latencyMs.p99);
      out.push({
        target: "Timers: users' HTTP p99 during the storm ≤ 2× quiet",
        result: `${ms(users.storm.latencyMs.p99)} ms against ${ms(users.quiet.latencyMs.p99)} ms quiet (${ratio.toFixed(1)}×, concurrency ${users.concurrency}; ${users.storm.errors} errors)`,
        met: ratio <= 2 && users.storm.errors === 0,
      });
    }
  }
  if (report.scale) {
    const lists = report.scale.queries.filter((q) => q.kind === 'list');
    const aggs = report.scale.queries.filter((q) => q.kind === 'aggregate');
    const worst = (qs: typeof lists) => Math.max(...qs.map((q) => q.latencyMs.p95));
    const missed = (qs: typeof lists) => qs.filter((q) => !q.met).map((q) => q.name);
    const n = int(report.scale.cases);
    out.push({
      target: `List p95 ≤ 50 ms at ${n} cases`,
      result: `worst p95 ${ms(worst(lists))} ms${missed(lists).length ? `; over: ${missed(lists).join(', ')}` : ''}`,
      met: lists.every((q) => q.met),
    });
    out.push({
      target: `Aggregates (/stats) ≤ 500 ms at ${n} cases`,
      result: `worst p95 ${ms(worst(aggs))} ms${missed(aggs).length ? `; over: ${missed(aggs).join(', ')}` : ''}`,
      met: aggs.every((q) => q.met),
    });
  }
  if (report.memory) {
    for (const p of report.memory.processes) {
      out.push({
        target: `Peak RSS ≤ 250 MB with ${int(report.memory.openCases)} open cases: ${p.process}`,
        result: mb(p.peakMb),
        met: p.peakMb <= 250,
      });
    }
  }
  return out;
}

export function toMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines: string[] = [
    '## Benchmarks',
    '',
    `Run on ${report.date.slice(0, 16).replace('T', ' ')} UTC${report.quick ? ' (BENCH_QUICK: shortened run)' : ''}, in ${report.durationSeconds ?? '?'} s: ${m.nproc} × ${m.cpuModel}, Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}. \`npm run bench\` prints this table; absolute figures drift from run to run, the ratios measured in one run are what count.`,
    '',
  ];
  if (report.transitions.length > 0) {
    lines.push(
      '### Transitions',
      '',
      'One operation is `EXTEND_DEADLINE` on a blue case: the case row updated under its version, one hash-chained event appended, the deadline and its reminder cancelled and two new timer rows written (then, after the commit, two BullMQ jobs added and two removed). It is the transition that stays in its state, so every case can take any number of them; each concurrent caller works on its own slice of cases (no version conflicts). "The limit" is the same writes as plain SQL transactions (`pg`, one connection per caller; `better-sqlite3` on the same file), with no reads.',
      '',
      ...transitionsTable(report.transitions),
      '',
      'CPU per transition, in milliseconds, over the same measured runs (from /proc and Redis INFO; "busy" is the share of one core the Tricolor process used — a Node process runs its JavaScript on one core, and helper threads can take it past 100 %). The last column is the longest the benchmark process\'s own event loop stood still (the plain-SQL and in-process runs do their work there).',
      '',
      ...cpuTable(report.transitions),
      '',
    );
    lines.push(
      '"The floor" is what the database itself needs to record a transition: one small case row updated under its version and one small event row appended, two prepared statements in one transaction, 16 connections (`bench/src/stages/floor.ts`; `pgbench -M prepared` with `bench/floor.sql` when pgbench is installed, and the same through `pg`; SQLite: `better-sqlite3`, one writer, at the product\'s synchronous level).',
      '',
    );
    for (const t of report.transitions) {
      const label = t.driver === 'postgres' ? 'PostgreSQL' : 'SQLite';
      for (const table of t.disputesTable?.tables ?? []) {
        lines.push(
          `${label}, \`${table.table}\` over the stage's runs: ${int(table.updates)} updates, ${int(table.hotUpdates)} of them HOT (${pct((100 * table.hotUpdates) / Math.max(1, table.updates))}), ${int(table.inserts)} inserts; fillfactor ${table.fillfactor}; ${table.indexes.length} indexes: ${table.indexes.join(', ')}.`,
          '',
        );
      }
      lines.push(
        `${label}: ${int(t.casesPerPath)} cases per path (opened through HTTP at ${int(t.openPerSecond)}/s); SendEventService.send issues ${t.statementsPerTransition.count} SQL statements per transition${t.sqliteSynchronous ? `; the limit runs at the product's synchronous level, ${t.sqliteSynchronous} (better-sqlite3's default in WAL mode)` : ''}.`,
        '',
      );
    }
  }
  if (report.timers) {
    const t = report.timers;
    lines.push(
      `### Timers`,
      '',
      `${int(t.tricolor.due)} blue-mediation deadlines due inside one ${t.windowMs / 1000} s window, fired by the compiled worker process (default settings). The cases are copies of one opened through OpenDisputeService (snapshot, event, timer rows; written with SQL in ${t.seedSeconds.toFixed(0)} s together with their wake-ups, queued through the product's TimerQueue), each deadline due at its own point of the window, its reminder already fired. Lateness is \`timers.lateness_ms\` (claim time minus due time); counts come from the timer rows, the \`DEADLINE_EXPIRED\` events and the queue. The BullMQ row is the same load of plain delayed jobs, same concurrency, with a processor that only records the time. ${int(t.casesEscalated)} cases escalated to yellow.`,
      '',
      ...timersTable(t),
      '',
      `CPU from the window's start to the last firing, per deadline fired: ${Object.entries(
        t.cpu.ms,
      )
        .map(([k, v]) => `${k} ${(v / Math.max(1, t.tricolor.fired)).toFixed(2)} ms`)
        .join(
          ', ',
        )}; the worker process was busy ${pct((100 * (t.cpu.ms['timer worker'] ?? 0)) / 1000 / t.cpu.seconds)} of one core. A batch of ${t.statementsPerFiring.batch} firings issues ${t.statementsPerFiring.count} SQL statements, ${t.statementsPerFiring.perFiring.toFixed(2)} per firing (the worker's DeadlineJob reaction run through TimerFiring.fireDue once in-process, with TypeORM's query log).${t.users ? ` Users' HTTP transitions (EXTEND_DEADLINE, closed loop at concurrency ${t.users.concurrency}, API process without worker): quiet p50 ${ms(t.users.quiet.latencyMs.p50)} / p99 ${ms(t.users.quiet.latencyMs.p99)} ms at ${int(t.users.quiet.perSecond)}/s; during the storm p50 ${ms(t.users.storm.latencyMs.p50)} / p99 ${ms(t.users.storm.latencyMs.p99)} ms at ${int(t.users.storm.perSecond)}/s.` : ''}${t.workerReconciles.length ? ` Its reconciler reported: ${t.workerReconciles.map((r) => `"${r}"`).join(', ')}.` : ''}${t.workerWarnings.length ? ` The worker logged: ${t.workerWarnings.map((w) => `${w.count} × "${w.message}"`).join('; ')}.` : ''}`,
      '',
    );
  }
  if (report.scale) {
    const s = report.scale;
    lines.push(
      `### Scale`,
      '',
      `${int(s.cases)} cases and ${int(s.events)} events in PostgreSQL (${int(s.tableMb.disputes)} MB + ${int(s.tableMb.dispute_events)} MB with indexes), seeded with \`generate_series\` in ${s.seedSeconds.toFixed(0)} s (+ ${s.vacuumSeconds.toFixed(0)} s VACUUM ANALYZE): 10 streets × 10 communities × 10 grids, three years, 70 % closed. One request at a time through the API process; p50 and p95 over the runs after one warm-up (a request slower than ${s.repeatBelowMs / 1000} s is not repeated: its one run is the figure).`,
      '',
      ...scaleTable(s),
      '',
    );
  }
  if (report.memory) {
    const mem = report.memory;
    lines.push(
      `### Memory`,
      '',
      `${int(mem.openCases)} open cases with ${int(mem.scheduledTimers)} scheduled timer rows and ${int(mem.queuedJobs)} BullMQ jobs; the API (RUN_WORKER=false) and the worker as separate processes, default settings, under ${mem.loadSeconds} s of mixed HTTP load (${int(mem.requests)} requests: lists, /stats, reads, transitions, openings; ${mem.requestErrors} errors) while the worker fired ${int(mem.firedDuringLoad)} of ${int(mem.dueDuringLoad)} deadlines due meanwhile.`,
      '',
      ...memoryTable(mem),
      '',
    );
  }
  const targets = report.targets ?? [];
  if (targets.length > 0) {
    lines.push('### Targets', '', '| target | result | |', '| --- | --- | --- |');
    for (const v of targets) lines.push(`| ${v.target} | ${v.result} | ${yes(v.met)} |`);
    lines.push('');
  }
  if (report.errors.length > 0) {
    lines.push('### Stages that failed', '');
    for (const e of report.errors) lines.push(`- ${e.stage}: ${e.message.split('\n')[0]}`);
    lines.push('');
  }
  return lines.join('\n');
}

function profilesMarkdown(profiles: ProfileSummary[]): string {
  const lines = ['# CPU profiles', ''];
  for (const p of profiles) {
    lines.push(
      `## ${p.name}`,
      '',
      `${int(p.sampledMs)} ms sampled; raw profile: \`${path.relative(process.cwd(), p.file)}\` (Chrome DevTools or speedscope).`,
      '',
      '| self time by package | share |',
      '| --- | --: |',
      ...p.byCategory.slice(0, 15).map((c) => `| ${c.category} | ${c.pct.toFixed(1)} % |`),
      '',
      '| top functions, self time | where | package | share |',
      '| --- | --- | --- | --: |',
      ...p.topSelf.map(
        (l) => `| \`${l.name}\` | ${l.where} | ${l.category} | ${l.pct.toFixed(1)} % |`,
      ),
      '',
      '| top functions, on the stack (inclusive) | where | package | share |',
      '| --- | --- | --- | --: |',
      ...p.topInclusive.map(
        (l) => `| \`${l.name}\` | ${l.where} | ${l.category} | ${l.pct.toFixed(1)} % |`,
      ),
      '',
    );
  }
  return lines.join('\n');
}

function plansMarkdown(report: BenchReport): string {
  const lines = [
    '# Query plans of the queries over target',
    '',
    `EXPLAIN (ANALYZE, BUFFERS) of the statements the service layer issued for each request over its target, run through the product's own DataSource (so its session settings apply), on ${int(report.scale?.cases ?? 0)} cases (${report.date}).`,
    '',
  ];
  for (const p of report.scale?.plans ?? []) {
    lines.push(`## ${p.name}`, '', '```sql', p.sql.trim(), '```', '', '```text', p.plan, '```', '');
  }
  return lines.join('\n');
}

export function writeReport(report: BenchReport, settings: Settings): void {
  report.targets = verdicts(report);
  const markdown = toMarkdown(report);
  process.stdout.write(`\n${markdown}\n`);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS, 'latest.md'), `${markdown}\n`);
  if ((report.scale?.plans.length ?? 0) > 0) {
    writeFileSync(path.join(RESULTS, 'plans.md'), `${plansMarkdown(report)}\n`);
  }
  const profiles = [
    ...report.transitions.flatMap((t) => t.profiles),
    ...(report.timers?.profiles ?? []),
  ];
  if (settings.profile && profiles.length > 0) {
    writeFileSync(path.join(RESULTS, 'profiles.md'), `${profilesMarkdown(profiles)}\n`);
  }
}

export type { Summary };
