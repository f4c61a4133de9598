import type { EntityManager } from 'typeorm';
import { driverOf } from './data-source-options';
import { shiftPlaceholders } from './placeholders';
import { runStatement, type Statement } from './row-codec';

// What RowCodec.insert writes: a column list and tuples of placeholders, nothing after them.
const PLAIN_INSERT =
  /^(INSERT INTO \S+ \([^)]*\) VALUES )(\(\$\d+(?:, \$\d+)*\)(?:, \(\$\d+(?:, \$\d+)*\))*)$/;
// PostgreSQL takes at most 65,535 parameters in one statement; stay well below.
const MAX_PARAMETERS = 30_000;
const MAX_PARTS = 400;

/** A deferred write that had to change exactly one row did not: the batch must not commit. */
export class DeferredWriteConflict extends Error {}

interface Entry {
  statement: Statement;
  /** The write is a case's update under its version: it must change exactly one row. */
  mustChangeOne: boolean;
}

/**
 * The writes of many transitions in one transaction, sent in as few statements as possible: a
 * batch of timer firings collects each firing's writes here instead of running them, then runs
 * them all at once. On PostgreSQL, INSERTs into the same table with the same columns become one
 * multi-row INSERT, and everything is sent as data-modifying CTEs of one statement (more only
 * past the parameter limit); SQLite, in-process, runs them one by one.
 *
 * Statements follow WriteBatch's rules (INSERT, UPDATE or DELETE, no RETURNING, no `$` other than
 * placeholders). They are sent unnamed: a batch's shape varies with its contents, and naming
 * each would crowd out the transition path's prepared statements.
 */
export class DeferredWrites {
  private readonly entries: Entry[] = [];

  add(statement: Statement, mustChangeOne = false): this {
    this.entries.push({ statement, mustChangeOne });
    return this;
  }

  /** Takes over another collection's writes (a firing that reacted without failing). */
  append(other: DeferredWrites): this {
    this.entries.push(...other.entries);
    return this;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Runs every write in the manager's transaction; throws DeferredWriteConflict on a miss. */
  async run(m: EntityManager): Promise<void> {
    if (this.entries.length === 0) return;
    if (driverOf(m.connection) === 'sqlite') {
      for (const { statement, mustChangeOne } of this.entries) {
        const { affected } = await runStatement(m, statement);
        if (mustChangeOne && affected !== 1) throw conflict(1, affected);
      }
      return;
    }
    for (const chunk of chunks(merged(this.entries))) {
      const values: unknown[] = [];
      const ctes = chunk.map(({ statement: [sql, own] }, i) => {
        const offset = values.length;
        values.push(...own);
        return `w${i} AS (${renumber(sql, offset)} RETURNING 1)`;
      });
      const checked = chunk.flatMap((e, i) =>
        e.mustChangeOne ? [`(SELECT count(*) FROM w${i})`] : [],
      );
      // Every CTE runs whether or not the outer query reads it; the sum checks the updates.
      const [row] = await m.query<{ changed: string | number }[]>(
        `WITH ${ctes.join(', ')} SELECT ${checked.length > 0 ? checked.join(' + ') : '0'} AS changed`,
        values,
      );
      const changed = Number(row?.changed ?? 0);
      if (changed !== checked.length) throw conflict(checked.length, changed);
    }
  }
}

const conflict = (expected: number, changed: number) =>
  new DeferredWriteConflict(
    `a case changed while its timer fired (${changed} of ${expected} case updates applied)`,
  );

const renumber = shiftPlaceholders;

/** Plain INSERTs into one table with one column list, folded into one multi-row INSERT each. */
function merged(entries: readonly Entry[]): Entry[] {
  const out: Entry[] = [];
  const inserts = new Map<string, { tuples: string[]; values: unknown[] }>();
  for (const entry of entries) {
    const match = entry.mustChangeOne ? null : PLAIN_INSERT.exec(entry.statement[0]);
    if (!match) {
      out.push(entry);
      continue;
    }
    const [, head, tuples] = match;
    let insert = inserts.get(head);
    if (!insert) {
      insert = { tuples: [], values: [] };
      inserts.set(head, insert);
    }
    // One INSERT stays under the parameter limit: past it, start another of the same table.
    if (insert.values.length + entry.statement[1].length > MAX_PARAMETERS) {
      out.push({
        statement: [head + insert.tuples.join(', '), insert.values],
        mustChangeOne: false,
      });
      insert.tuples = [];
      insert.values = [];
    }
    insert.tuples.push(renumber(tuples, insert.values.length));
    insert.values.push(...entry.statement[1]);
  }
  for (const [head, { tuples, values }] of inserts) {
    if (tuples.length > 0)
      out.push({ statement: [head + tuples.join(', '), values], mustChangeOne: false });
  }
  return out;
}

/** Groups of statements that fit one statement's parameter limit. */
function chunks(entries: readonly Entry[]): Entry[][] {
  const out: Entry[][] = [];
  let current: Entry[] = [];
  let parameters = 0;
  for (const entry of entries) {
    const n = entry.statement[1].length;
    if (current.length > 0 && (parameters + n > MAX_PARAMETERS || current.length >= MAX_PARTS)) {
      out.push(current);
      current = [];
      parameters = 0;
    }
    current.push(entry);
    parameters += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}
