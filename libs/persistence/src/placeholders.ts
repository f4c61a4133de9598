/**
 * Shifts every PostgreSQL placeholder (`$1`, `$2`, …) of `sql` by `offset`, so that statements
 * written on their own can share one parameter list (a CTE each). Same result as
 * `sql.replace(/\$(\d+)/g, …)`, by a plain scan: a timer batch renumbers some 20,000 placeholders,
 * and the callback per match cost it ~65 µs of the worker's CPU per firing (bench profile,
 * 2026-12-01); the scan takes a sixth of that.
 */
export function shiftPlaceholders(sql: string, offset: number): string {
  if (offset === 0) return sql;
  let out = '';
  let last = 0;
  for (let i = sql.indexOf('$'); i !== -1; i = sql.indexOf('$', i + 1)) {
    let j = i + 1;
    let n = 0;
    for (let c = sql.charCodeAt(j); c >= 48 && c <= 57; c = sql.charCodeAt(++j)) {
      n = n * 10 + (c - 48);
    }
    // A `$` without digits is not a placeholder: left as it is.
    if (j === i + 1) continue;
    out += sql.slice(last, i + 1) + String(n + offset);
    last = j;
  }
  return out + sql.slice(last);
}
