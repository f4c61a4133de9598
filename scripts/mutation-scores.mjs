// Per-file mutation scores from Stryker incremental reports, as the README's markdown table:
//   node scripts/mutation-scores.mjs reports/mutation/workflow.incremental.json [more reports]
// score = (killed + timed out) / (all but compile errors and ignored), as Stryker counts it;
// "killed only" leaves the timeouts out of the detected ones (under load a timeout is often a
// slow run, not a proven kill). "errors": mutants that do not compile or crash the run.
// "static, not run": mutants Stryker ignored (a run with --ignoreStatic): they were not tested at
// all, so they count in neither side of the score and the table says how many there are.
import { readFileSync } from 'node:fs';

const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)} %`);
const rows = [];
/** A row of the table before its mutants are counted by status. */
const countOf = (mutants) => ({
  mutants,
  Killed: 0,
  Timeout: 0,
  Survived: 0,
  NoCoverage: 0,
  CompileError: 0,
  Ignored: 0,
});
const total = countOf(0);
for (const path of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files).sort()) {
    const count = countOf(mutants.length);
    for (const m of mutants) {
      // Compile and runtime errors and ignored mutants count in neither side of the score.
      const status = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored'].includes(m.status)
        ? m.status
        : 'CompileError';
      count[status] += 1;
    }
    for (const k of Object.keys(total)) total[k] += count[k];
    rows.push([file, count]);
  }
}
const line = (name, c) => {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return `| ${name} | ${c.mutants} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${c.CompileError} | ${c.Ignored} | ${pct(c.Killed + c.Timeout, valid)} | ${pct(c.Killed, valid)} |`;
};
console.log(
  '| file | mutants | killed | timed out | survived | no coverage | errors | static, not run | score | killed only |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [file, c] of rows) console.log(line(`\`${file}\``, c));
console.log(line('**all**', total));
