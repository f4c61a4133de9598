import { DisputeEntity, driverOf } from '@tricolor/persistence';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { byCreation } from './by-creation';

/**
 * How many of the newest cases a text search looks at first. A page of a common word is among
 * them (at a million cases, "parking" is in one case of eight: 250 of these 2,000), found by
 * walking the (created_at, id) index and checking each case's text by its key, about 10 ms;
 * the trigram index, by contrast, hands back every one of the 125,000 matches, which were then
 * joined to their cases to be sorted by date (1.2 s). A rare word is not among them and goes
 * to the trigram index, which is fast for few matches.
 */
export const TEXT_SEARCH_WINDOW = 2_000;

/** The condition a case's searchable text must meet (dispute_texts, alias `t`). */
export function textMatch(placeholder: string): string {
  // SQLite has no default escape character: name it, so % and _ are searched literally.
  return [
    `LOWER(t.title) LIKE ${placeholder} ESCAPE '\\'`,
    `LOWER(t.description) LIKE ${placeholder} ESCAPE '\\'`,
    `LOWER(t.reference) LIKE ${placeholder} ESCAPE '\\'`,
  ].join(' OR ');
}

export interface NewestMatches {
  /** The matching cases among the newest `window` of the list, newest first. */
  ids: string[];
  /** The window held every case of the list (fewer than `window`): `ids` are all the matches. */
  complete: boolean;
}

/**
 * The matches of `pattern` (a LIKE pattern, lower case, escaped) among the newest `window`
 * cases of `list` (the caller's scope and filters, no text condition yet). Each case's text is
 * read by its key (a subquery per case, which the planner cannot turn into a join on the
 * trigram index's misestimated few matches).
 */
export async function newestTextMatches(
  m: EntityManager,
  list: SelectQueryBuilder<DisputeEntity>,
  pattern: string,
  window = TEXT_SEARCH_WINDOW,
): Promise<NewestMatches> {
  const [windowSql, windowValues] = byCreation(list, 'DESC', null)
    .select('d.id', 'id')
    .addSelect('d.created_at', 'created_at')
    .limit(window)
    .getQueryAndParameters() as [string, unknown[]];
  const pg = driverOf(m.connection) === 'postgres';
  // PostgreSQL numbers its placeholders (one, used three times, after the window's); SQLite
  // takes them in the order of the text, where the subquery comes before the window.
  const placeholder = pg ? `$${windowValues.length + 1}` : '?';
  const values = pg ? [...windowValues, pattern] : [pattern, pattern, pattern, ...windowValues];
  const rows = await m.query<{ id: string; hit: number | string | null }[]>(
    `SELECT w.id AS id,
       (SELECT 1 FROM dispute_texts t WHERE t.id = w.id AND (${textMatch(placeholder)})) AS hit
     FROM (${windowSql}) w
     ORDER BY w.created_at DESC, w.id DESC`,
    values,
  );
  return {
    ids: rows.filter((r) => r.hit !== null).map((r) => r.id),
    complete: rows.length < window,
  };
}
