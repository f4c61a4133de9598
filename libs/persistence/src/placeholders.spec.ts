import { shiftPlaceholders } from './placeholders';

describe('shiftPlaceholders', () => {
  it('shifts every placeholder by the offset, many-digit ones included', () => {
    expect(shiftPlaceholders('UPDATE t SET a = $1, b = $12 WHERE id = $3', 100)).toBe(
      'UPDATE t SET a = $101, b = $112 WHERE id = $103',
    );
    expect(shiftPlaceholders('VALUES ($9), ($10)', 991)).toBe('VALUES ($1000), ($1001)');
  });

  it('leaves a `$` without digits alone, at the end too', () => {
    expect(shiftPlaceholders("x = '$' AND y = $$2 AND z = $1$", 5)).toBe(
      "x = '$' AND y = $$7 AND z = $6$",
    );
  });

  it('answers as the regular expression it replaces, on a long multi-row INSERT', () => {
    let k = 0;
    const rows = Array.from(
      { length: 300 },
      () => `(${Array.from({ length: 12 }, () => `$${++k}`).join(', ')})`,
    );
    const sql = `INSERT INTO notifications (a) VALUES ${rows.join(', ')}`;
    for (const offset of [0, 1, 37, 29_999]) {
      expect(shiftPlaceholders(sql, offset)).toBe(
        sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`),
      );
    }
  });
});
