import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Orders a query over `disputes d` by (created_at, id) and, given the id of the last case of the
 * page before, starts after it: a row comparison, so PostgreSQL seeks the unit's
 * (…, created_at, id) index to that case and walks on, however deep the page. created_at is read
 * from the row rather than carried by the caller: PostgreSQL keeps microseconds that a JavaScript
 * Date would lose.
 */
export function byCreation<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  direction: 'ASC' | 'DESC',
  after: string | null,
): SelectQueryBuilder<T> {
  if (after !== null) {
    query.andWhere(
      `(d.created_at, d.id) ${direction === 'ASC' ? '>' : '<'} ` +
        '((SELECT a.created_at FROM disputes a WHERE a.id = :keysetAfter), :keysetAfter)',
      { keysetAfter: after },
    );
  }
  return query.orderBy('d.created_at', direction).addOrderBy('d.id', direction);
}
