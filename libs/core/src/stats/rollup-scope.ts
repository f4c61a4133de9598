import type { Actor } from '@tricolor/workflow';
import type { CaseFilter } from './case-filter';
import type { RollupUnitKind } from './rollup-sql';

/** The roll-up rows that hold exactly the closed cases a request counts. */
export interface RollupSlice {
  kind: RollupUnitKind;
  /** '' for the district. */
  code: string;
  /** Months of opening (UTC, `YYYY-MM`) in [fromMonth, toMonth); null: unbounded. */
  fromMonth: string | null;
  toMonth: string | null;
  /** The same as instants: closed cases opened outside [from, to) are read live. */
  from: Date | null;
  to: Date | null;
}

/**
 * Whether the roll-up can answer for this actor and filter, and from which rows. It holds the
 * district and each street: an admin's or a street's whole figures. Grids and communities are
 * small enough to count from their cases (ix_disputes_stats), and the scopes that are not a unit
 * (a lawyer's or a panel member's assigned cases) are counted that way too: null.
 */
export function rollupSliceOf(actor: Actor, filter: CaseFilter): RollupSlice | null {
  const actorStreet = streetOfActor(actor);
  if (actorStreet === null) return null;
  let street = actorStreet === '' ? null : actorStreet;
  if (filter.unit) {
    // Another unit than the actor's street (or not a street at all): counted from the cases.
    if (filter.unit.kind !== 'street') return null;
    if (street !== null && street !== filter.unit.code) return null;
    street = filter.unit.code;
  }
  const months = wholeMonths(filter.from, filter.to);
  if (!months) return null;
  return { kind: street === null ? 'district' : 'street', code: street ?? '', ...months };
}

/** '' for an actor who sees every case, the street of one who sees a street's, else null. */
function streetOfActor(actor: Actor): string | null {
  switch (actor.role) {
    case 'admin':
    case 'system':
      return '';
    case 'supervisor':
    case 'judicial_officer':
      return actor.streetCode ? actor.streetCode : null;
    // A grid or a community (counted from the cases), or the cases assigned to them: none.
    case 'grid_worker':
    case 'community_police':
    case 'auxiliary_police':
    case 'panel_member':
    case 'lawyer':
    case 'volunteer':
      return null;
  }
}

const monthKey = (d: Date) => d.toISOString().slice(0, 7);
const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const nextMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));

/**
 * The whole UTC months inside [from, to): the roll-up's rows for them; the closed cases opened
 * in the parts of months at either end are read live with the open ones. Null when the period
 * holds no whole month (then every case is read live).
 */
export function wholeMonths(
  from: Date | null,
  to: Date | null,
): Pick<RollupSlice, 'fromMonth' | 'toMonth' | 'from' | 'to'> | null {
  const start = from === null ? null : monthStart(from) < from ? nextMonth(from) : from;
  const end = to === null ? null : monthStart(to);
  if (start && end && start.getTime() >= end.getTime()) return null;
  return {
    fromMonth: start ? monthKey(start) : null,
    toMonth: end ? monthKey(end) : null,
    from: start,
    to: end,
  };
}
