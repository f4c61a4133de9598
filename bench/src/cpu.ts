import { readFileSync } from 'node:fs';
import Redis from 'ioredis';
import { Client } from 'pg';
import { REDIS_URL } from './infra';

/**
 * CPU time spent while a run was measured, by whom: this process, a child (the API), the
 * PostgreSQL backends serving the run's database, and the Redis server (shared with whatever
 * else uses it, so an upper bound). Divided by the operations, it says where a transition's CPU
 * goes on a machine with two cores.
 */
export interface CpuSpent {
  /** Milliseconds of CPU (user + system) per source over the measured time. */
  ms: Record<string, number>;
  seconds: number;
}

const TICK_MS = 10; // /proc times are in clock ticks: 100 per second on Linux.

export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

export interface CpuSource {
  name: string;
  /** Work that may wait (finding a database's backends), done before the boundary is read. */
  prepare?(): Promise<void>;
  /** Synchronous readings are taken together at the boundary; Redis INFO has to wait. */
  read(): number | Promise<number>;
}

export const selfCpu = (name = 'bench process'): CpuSource => ({
  name,
  read: () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  },
});

export const childCpu = (name: string, pid: number): CpuSource => ({
  name,
  read: () => processCpuMs(pid),
});

/** The backends connected to one database (pids from pg_stat_activity before each reading). */
export function postgresCpu(adminUrl: string, database: string): CpuSource {
  const last = new Map<number, number>();
  let pids: number[] = [];
  return {
    name: 'PostgreSQL backends',
    async prepare() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        const res = await client.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [database],
        );
        pids = res.rows.map((r) => r.pid);
      } finally {
        await client.end();
      }
    },
    read() {
      // Backends that have gone keep their last reading.
      for (const pid of pids) {
        const ms = processCpuMs(pid);
        if (ms > 0) last.set(pid, ms);
      }
      return [...last.values()].reduce((a, b) => a + b, 0);
    },
  };
}

export const redisCpu = (): CpuSource => ({
  name: 'Redis server (shared)',
  async read() {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      const info = await redis.info('cpu');
      const get = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
      return (get('used_cpu_user') + get('used_cpu_sys')) * 1000;
    } finally {
      redis.disconnect();
    }
  },
});

export class CpuMeter {
  private start: number[] = [];
  private t0 = 0;

  constructor(private readonly sources: CpuSource[]) {}

  private async readAll(): Promise<{ values: number[]; at: number }> {
    await Promise.all(this.sources.map(async (s) => s.prepare?.()));
    // Every synchronous reading at one instant, the boundary; then the ones that must wait.
    const at = performance.now();
    const pending = this.sources.map((s) => s.read());
    return { values: await Promise.all(pending.map((v) => Promise.resolve(v))), at };
  }

  async begin(): Promise<void> {
    const { values, at } = await this.readAll();
    this.start = values;
    this.t0 = at;
  }

  async end(): Promise<CpuSpent> {
    const { values, at } = await this.readAll();
    const ms: Record<string, number> = {};
    this.sources.forEach((s, i) => (ms[s.name] = (values[i] ?? 0) - (this.start[i] ?? 0)));
    return { ms, seconds: (at - this.t0) / 1000 };
  }
}
