import type { EntityManager } from 'typeorm';
import { driverOf } from './data-source-options';
import { runStatement, type Statement } from './row-codec';

const PG_PLACEHOLDER = /\$(\d+)/g;

/**
 * Writes that belong to one transaction and do not read each other's results, sent together.
 * PostgreSQL gets them as one statement (each a data-modifying CTE), so a transition's writes
 * cost one round trip instead of four or five: each round trip is a socket write and read on
 * both sides, and those system calls were a quarter of the API's CPU. SQLite runs in-process
 * and gets them one by one.
 *
 * Each statement must be an INSERT, UPDATE or DELETE without RETURNING (the batch adds its own)
 * and without `$` other than its placeholders.
 */
export class WriteBatch {
  private readonly statements: Statement[] = [];

  add(statement: Statement): this {
    this.statements.push(statement);
    return this;
  }

  /** The statements added so far, in order (for a caller that sends them with others). */
  list(): readonly Statement[] {
    return this.statements;
  }

  /** Runs them all in the manager's transaction; how many rows each one changed, in order. */
  async run(m: EntityManager): Promise<number[]> {
    if (this.statements.length === 0) return [];
    if (driverOf(m.connection) === 'sqlite') {
      const affected: number[] = [];
      for (const statement of this.statements) {
        affected.push((await runStatement(m, statement)).affected);
      }
      return affected;
    }
    const values: unknown[] = [];
    const ctes = this.statements.map(([sql, own], i) => {
      const offset = values.length;
      values.push(...own);
      const renumbered = sql.replace(PG_PLACEHOLDER, (_m, n: string) => `$${Number(n) + offset}`);
      return `w${i} AS (${renumbered} RETURNING 1)`;
    });
    const counts = this.statements.map((_s, i) => `(SELECT count(*) FROM w${i}) AS "${i}"`);
    const { rows } = await runStatement(m, [
      `WITH ${ctes.join(', ')} SELECT ${counts.join(', ')}`,
      values,
    ]);
    const row = rows[0] ?? {};
    return this.statements.map((_s, i) => Number(row[String(i)] ?? 0));
  }
}
