import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import type { ChildHandle } from './processes';

/** Where raw profiles go (open them in Chrome DevTools or speedscope); summaries go in the report. */
export const PROFILE_DIR = path.resolve(process.cwd(), 'bench/results/profiles');

export interface ProfileLine {
  name: string;
  where: string;
  category: string;
  pct: number;
}

export interface ProfileSummary {
  name: string;
  file: string;
  sampledMs: number;
  /** Self time by package (or Tricolor library), share of all samples. */
  byCategory: { category: string; pct: number }[];
  topSelf: ProfileLine[];
  /** Time with the function on the stack (recursion counted once). */
  topInclusive: ProfileLine[];
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function categoryOf(url: string, functionName: string): string {
  if (url === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'program (native)';
    return 'native';
  }
  if (url.startsWith('node:')) return 'node core';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length);
    if (rest.startsWith('.cache/tricolor-bench/')) {
      const inside = rest.slice('.cache/tricolor-bench/'.length).split('/');
      return inside[0] === 'bench' ? 'bench harness' : `tricolor ${inside.slice(0, 2).join('/')}`;
    }
    const parts = rest.split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  return url.includes('/dist/') ? 'tricolor dist' : url;
}

const shortWhere = (url: string, line: number) => {
  const file = url
    .replace(/^.*\/node_modules\/(\.cache\/tricolor-bench\/)?/, '')
    .replace(/^file:\/\//, '');
  return file === '' ? '' : `${file}:${line + 1}`;
};

export function summariseProfile(name: string, file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: CpuProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'}\u0000${n.callFrame.url}\u0000${n.callFrame.lineNumber}`;

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const category = new Map<string, number>();
  let total = 0;
  // The profiler's own work (serialising the profile when it stops) is not the product's.
  const harness = new Set<number>();
  for (const n of profile.nodes) {
    if (/bench\/src\/(processes\/child-control|profile)\.js$/.test(n.callFrame.url)) {
      const mark = (id: number) => {
        harness.add(id);
        for (const c of byId.get(id)?.children ?? []) mark(c);
      };
      mark(n.id);
    }
  }
  for (let i = 0; i < profile.samples.length; i++) {
    const weight = profile.timeDeltas[i] ?? 0;
    const leaf = byId.get(profile.samples[i] ?? -1);
    if (!leaf || harness.has(leaf.id)) continue;
    total += weight;
    const leafKey = key(leaf);
    self.set(leafKey, (self.get(leafKey) ?? 0) + weight);
    const cat = categoryOf(leaf.callFrame.url, leaf.callFrame.functionName);
    category.set(cat, (category.get(cat) ?? 0) + weight);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (!node) break;
      const k = key(node);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + weight);
    }
  }
  const lines = (m: Map<string, number>, limit = top) =>
    [...m.entries()]
      .filter(([k]) => !/^\((root|program|idle)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, v]) => {
        const [fn = '', url = '', line = '0'] = k.split('\u0000');
        return {
          name: fn,
          where: shortWhere(url, Number(line)),
          category: categoryOf(url, fn),
          pct: (100 * v) / total,
        };
      });
  return {
    name,
    file,
    sampledMs: total / 1000,
    byCategory: [...category.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([c, v]) => ({ category: c, pct: (100 * v) / total })),
    topSelf: lines(self),
    // The frames a reader acts on: libraries and Tricolor, not the event loop's own plumbing.
    topInclusive: lines(inclusive, 400)
      .filter((l) => !['node core', 'native', 'bench harness', 'idle', 'GC'].includes(l.category))
      .slice(0, top + 10),
  };
}

function profileFile(name: string): string {
  mkdirSync(PROFILE_DIR, { recursive: true });
  return path.join(PROFILE_DIR, `${name}.cpuprofile`);
}

/** Profiles this process while `run` runs. */
export async function profileInProcess<T>(
  name: string,
  run: () => Promise<T>,
  sink: ProfileSummary[],
): Promise<T> {
  const session = new Session();
  session.connect();
  const post = <R>(method: string, params: object = {}) =>
    new Promise<R>((resolve, reject) =>
      session.post(method, params, (error, result) =>
        error ? reject(error) : resolve(result as R),
      ),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await post<{ profile: object }>('Profiler.stop');
    session.disconnect();
    const file = profileFile(name);
    writeFileSync(file, JSON.stringify(profile));
    sink.push(summariseProfile(name, file));
  }
}

/** Profiles a child (the API or the worker) while `run` runs. */
export async function profileChild<T>(
  child: ChildHandle,
  name: string,
  run: () => Promise<T>,
  sink: ProfileSummary[],
): Promise<T> {
  await child.startProfile();
  try {
    return await run();
  } finally {
    const file = profileFile(name);
    await child.stopProfile(file);
    sink.push(summariseProfile(name, file));
  }
}
