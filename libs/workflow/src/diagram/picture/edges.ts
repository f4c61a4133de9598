import type { StatechartNodeJson } from '../statechart-json';

/** The main path, in the order it is drawn left to right (DESIGN §3). */
export const MAIN_ROW = ['intake', 'blue', 'yellow', 'red', 'agreed', 'followUp', 'closed'];
/** Steps along the main path: drawn bold. Agreement can be reached from every tier. */
const MAIN_STEPS = new Set([
  'intake>blue',
  'blue>yellow',
  'yellow>red',
  'blue>agreed',
  'yellow>agreed',
  'red>agreed',
  'agreed>followUp',
  'followUp>closed',
]);
/** The stages a case is open in: the enclosing "open" group. */
const NOT_OPEN = new Set(['intake', 'closed']);
/** Targets an event may have and still be something "every open state can do". */
const SIDE_EXITS = new Set(['closed', 'suspended', 'followUp']);
/** An event is common when this many open stages handle it without moving along the path. */
const COMMON_AT_LEAST = 3;

/** One transition of the chart, by the status names a case's record uses. */
export interface Move {
  readonly event: string;
  /** `blue.mediating`; a stage key for a transition its compound state declares. */
  readonly from: string;
  /** Undefined for a targetless transition. */
  readonly to: string | undefined;
  /** The target as the chart names it: `agreed` may be the stage or its first state. */
  readonly target?: string;
}

/** Arrows between two boxes, with every event that moves a case along them. */
export interface Link {
  readonly from: string;
  readonly to: string;
  readonly events: readonly string[];
  readonly kind: 'main' | 'inner' | 'other';
}

export interface CommonEvent {
  readonly event: string;
  /** Open stages that handle it. */
  readonly stages: readonly string[];
  /** Where it leads: `self` for the state the case is in. */
  readonly targets: readonly { readonly to: string; readonly stages: readonly string[] }[];
}

export interface Routes {
  readonly links: readonly Link[];
  readonly common: readonly CommonEvent[];
  /** Events handled without leaving the state, by state: listed, not drawn. */
  readonly loops: ReadonlyMap<string, readonly string[]>;
}

/** `agreed.performing` is the plain `agreed` of the contract (see status.ts). */
export function statusOfPath(path: readonly string[]): string {
  const dotted = path.join('.');
  return dotted === 'agreed.performing' ? 'agreed' : dotted;
}

export const stageOf = (status: string): string => status.split('.')[0] ?? status;

/** Every transition in the chart, eventless ones named `always` (or `always:<guard>`). */
export function movesOf(chart: StatechartNodeJson, path: readonly string[] = []): Move[] {
  const from = statusOfPath(path);
  const targets = (target: string | readonly string[] | null): (string | undefined)[] =>
    target === null ? [undefined] : typeof target === 'string' ? [target] : [...target];
  const own = [
    ...Object.entries(chart.on).flatMap(([event, list]) =>
      list.flatMap((t) => targets(t.target).map((to) => ({ event, from, to }))),
    ),
    ...(chart.always ?? []).flatMap((t) =>
      targets(t.target).map((to) => ({
        event: t.guard === 'screenedOut' ? 'always:screenedOut' : 'always',
        from,
        to,
      })),
    ),
  ].map((move) =>
    move.to === undefined ? move : { ...move, to: normalise(move.to), target: move.to },
  );
  const children = Object.entries(chart.states ?? {}).flatMap(([key, child]) =>
    movesOf(child, [...path, key]),
  );
  return [...(path.length === 0 ? own.map((m) => ({ ...m, from: '*' })) : own), ...children];
}

const normalise = (target: string) => statusOfPath(target.split('.'));

/**
 * Sorts the chart's transitions into what is drawn: the main path, the steps inside a stage,
 * the other arrows (shown on request), what every open state can do (one legend) and loops.
 */
export function routesOf(chart: StatechartNodeJson): Routes {
  const moves = movesOf(chart);
  const stages = Object.keys(chart.states ?? {});
  const common = commonEvents(moves, stages);
  const commonNames = new Set(common.map((c) => c.event));
  const links = new Map<
    string,
    { from: string; to: string; events: string[]; kind: Link['kind'] }
  >();
  const loops = new Map<string, string[]>();
  for (const move of moves) {
    if (commonNames.has(move.event) || move.from === '*') continue;
    const fromStage = stageOf(move.from);
    const toStage = move.to === undefined ? fromStage : stageOf(move.to);
    const inner = fromStage === toStage;
    // Re-entering one's own stage, or a targetless transition: the case stays where it is.
    if (move.to === undefined || move.to === move.from || (inner && move.target === toStage)) {
      const list = loops.get(move.from) ?? [];
      if (!list.includes(move.event)) list.push(move.event);
      loops.set(move.from, list);
      continue;
    }
    const from = inner ? move.from : fromStage;
    const to = inner ? move.to : toStage;
    const kind = inner ? 'inner' : MAIN_STEPS.has(`${from}>${to}`) ? 'main' : 'other';
    const key = `${from}>${to}`;
    const link = links.get(key) ?? { from, to, events: [], kind };
    if (!link.events.includes(move.event)) link.events.push(move.event);
    links.set(key, link);
  }
  return { links: [...links.values()], common, loops };
}

function commonEvents(moves: readonly Move[], stages: readonly string[]): CommonEvent[] {
  const open = stages.filter((s) => !NOT_OPEN.has(s));
  const byEvent = new Map<string, Move[]>();
  for (const move of moves) byEvent.set(move.event, [...(byEvent.get(move.event) ?? []), move]);
  const common: CommonEvent[] = [];
  for (const [event, list] of byEvent) {
    const machineWide = list.some((m) => m.from === '*');
    const handling = machineWide ? open : unique(list.map((m) => stageOf(m.from)));
    const sideways = list.every((m) => {
      const to = m.to === undefined ? undefined : stageOf(m.to);
      return to === undefined || to === stageOf(m.from) || SIDE_EXITS.has(to);
    });
    if (!sideways || handling.filter((s) => open.includes(s)).length < COMMON_AT_LEAST) continue;
    const targets = new Map<string, string[]>();
    for (const m of list) {
      const stage = stageOf(m.from);
      const to = m.to === undefined || stageOf(m.to) === stage ? 'self' : m.to;
      for (const s of m.from === '*' ? open : [stage]) {
        const from = targets.get(to) ?? [];
        if (!from.includes(s)) from.push(s);
        targets.set(to, from);
      }
    }
    common.push({
      event,
      stages: handling,
      targets: [...targets].map(([to, from]) => ({ to, stages: from })),
    });
  }
  // The ones that end or pause a case first, then the ones that keep it where it is.
  const rank = (c: CommonEvent) => (c.targets.some((t) => t.to !== 'self') ? 0 : 1);
  return common.sort((a, b) => rank(a) - rank(b) || b.stages.length - a.stages.length);
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
