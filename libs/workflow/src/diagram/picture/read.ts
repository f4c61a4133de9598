import type { StatechartNodeJson, StatechartTransitionJson } from '../statechart-json';

/**
 * The statechart of `GET /workflow` read back from untyped JSON, checked field by field, so
 * a client draws it without trusting a cast; undefined when it is not a statechart.
 */
export function readStatechart(value: unknown): StatechartNodeJson | undefined {
  if (!isRecord(value)) return undefined;
  const { type, initial, on, always, states } = value;
  if (!isNodeType(type) || !isRecord(on)) return undefined;
  const events: Record<string, StatechartTransitionJson[]> = {};
  for (const [event, list] of Object.entries(on)) {
    const transitions = readTransitions(list);
    if (!transitions) return undefined;
    events[event] = transitions;
  }
  const eventless = always === undefined ? [] : readTransitions(always);
  if (!eventless) return undefined;
  const children: Record<string, StatechartNodeJson> = {};
  if (states !== undefined) {
    if (!isRecord(states)) return undefined;
    for (const [key, child] of Object.entries(states)) {
      const node = readStatechart(child);
      if (!node) return undefined;
      children[key] = node;
    }
  }
  return {
    type,
    ...(typeof initial === 'string' ? { initial } : {}),
    on: events,
    ...(eventless.length > 0 ? { always: eventless } : {}),
    ...(Object.keys(children).length > 0 ? { states: children } : {}),
  };
}

const NODE_TYPES = ['atomic', 'compound', 'parallel', 'final', 'history'] as const;

function isNodeType(value: unknown): value is StatechartNodeJson['type'] {
  return NODE_TYPES.some((type) => type === value);
}

function readTransitions(value: unknown): StatechartTransitionJson[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const transitions: StatechartTransitionJson[] = [];
  for (const item of value as unknown[]) {
    if (!isRecord(item)) return undefined;
    const { target, guard } = item;
    const targets =
      target === null || typeof target === 'string'
        ? target
        : Array.isArray(target) && target.every((t): t is string => typeof t === 'string')
          ? target
          : undefined;
    if (targets === undefined || (guard !== null && typeof guard !== 'string')) return undefined;
    transitions.push({ target: targets, guard });
  }
  return transitions;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
