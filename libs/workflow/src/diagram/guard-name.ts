import { and, not, or, stateIn } from 'xstate';

// XState marks its higher-order guards with a shared `check` function; comparing against
// the library's own makes detection survive minification (function names would not).
const checkOf = (guard: unknown): unknown => (guard as { check?: unknown }).check;
const NOT_CHECK = checkOf(not('x'));
const AND_CHECK = checkOf(and(['x']));
const OR_CHECK = checkOf(or(['x']));
const STATE_IN_CHECK = checkOf(stateIn('x'));

/**
 * A short readable name for a transition guard: `panelComplete`, `hasRole(court)`,
 * `not isClosed`, `a and b`, `in(dispute.agreed)`; `inline` for anonymous functions.
 */
export function guardName(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return functionGuardName(guard);
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') {
    return withParams(guard.type, 'params' in guard ? guard.params : undefined);
  }
  return 'inline';
}

interface GuardFunction {
  readonly name: string;
  readonly check?: unknown;
  readonly guards?: readonly unknown[];
  readonly stateValue?: unknown;
}

function functionGuardName(guard: GuardFunction): string {
  const parts = (guard.guards ?? []).map((inner) => wrap(guardName(inner) ?? 'inline'));
  if (guard.check === NOT_CHECK) return `not ${parts[0] ?? 'inline'}`;
  if (guard.check === AND_CHECK) return parts.join(' and ');
  if (guard.check === OR_CHECK) return parts.join(' or ');
  // `#id` state references: the `#` adds nothing for a reader (and starts Mermaid comments).
  if (guard.check === STATE_IN_CHECK) return `in(${paramText(guard.stateValue).replace(/^#/, '')})`;
  // An arrow function written as `guard: (...) => ...` is named after the property.
  return guard.name !== '' && guard.name !== 'guard' ? guard.name : 'inline';
}

function wrap(name: string): string {
  return name.includes(' ') ? `(${name})` : name;
}

function withParams(type: string, params: unknown): string {
  return params === undefined ? type : `${type}(${paramText(params)})`;
}

// Only the values: `hasRole(court)` reads better than `hasRole({"role":"court"})`.
function paramText(params: unknown): string {
  if (typeof params === 'string') return params;
  if (typeof params === 'number' || typeof params === 'boolean') return String(params);
  if (params === null) return 'null';
  if (Array.isArray(params)) return params.map(paramText).join(', ');
  if (typeof params === 'object') return Object.values(params).map(paramText).join(', ');
  // Dynamic params are computed at run time from the event: nothing to show.
  return '…';
}
