import type { StateValue } from 'xstate';
import type { Status } from './domain';
import { STATUSES } from './domain';

/** Maps the machine's state value to the contractual dotted `status` (DESIGN.md §3). */
export function statusOf(value: StateValue): Status {
  const path = toPath(value);
  // `agreed.performing` is the plain `agreed` of the contract.
  const status = path === 'agreed.performing' ? 'agreed' : path;
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw new Error(`state ${path} has no status`);
  }
  return status as Status;
}

function toPath(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? [];
  if (key === undefined || child === undefined) throw new Error('empty state value');
  return `${key}.${toPath(child)}`;
}
