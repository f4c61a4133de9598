// Merges one file's results from a second Stryker incremental report into the main one, so two
// runs of the same scope can go side by side, each on its own files with its own
// --incrementalFile (a shared file would be overwritten by whichever run ends last).
//   node scripts/merge-mutation-reports.mjs MAIN OTHER FILE...
// Test ids are numbers local to each report: the other report's are mapped to the main one's by
// test file and name (a test the main report lacks is added).
import { readFileSync, writeFileSync } from 'node:fs';

const [mainPath, otherPath, ...files] = process.argv.slice(2);
if (!mainPath || !otherPath || files.length === 0) {
  console.error('usage: merge-mutation-reports.mjs MAIN OTHER FILE...');
  process.exit(2);
}
const main = JSON.parse(readFileSync(mainPath, 'utf8'));
const other = JSON.parse(readFileSync(otherPath, 'utf8'));

main.testFiles ??= {};
let nextId =
  1 +
  Math.max(-1, ...Object.values(main.testFiles).flatMap((f) => f.tests.map((t) => Number(t.id))));
const mainIdOf = new Map();
for (const [file, { tests }] of Object.entries(main.testFiles))
  for (const t of tests) mainIdOf.set(`${file}\n${t.name}`, t.id);
const idMap = new Map();
for (const [file, entry] of Object.entries(other.testFiles ?? {})) {
  for (const t of entry.tests) {
    const key = `${file}\n${t.name}`;
    let id = mainIdOf.get(key);
    if (id === undefined) {
      id = String(nextId++);
      main.testFiles[file] ??= { ...entry, tests: [] };
      main.testFiles[file].tests.push({ ...t, id });
      mainIdOf.set(key, id);
    }
    idMap.set(t.id, id);
  }
}
const remap = (ids) => ids?.map((id) => idMap.get(id) ?? id);
for (const file of files) {
  const entry = other.files[file];
  if (!entry) throw new Error(`${otherPath} has no results for ${file}`);
  main.files[file] = {
    ...entry,
    mutants: entry.mutants.map((m) => ({
      ...m,
      killedBy: remap(m.killedBy),
      coveredBy: remap(m.coveredBy),
    })),
  };
  console.log(`${file}: ${entry.mutants.length} mutants merged`);
}
// Indented as Stryker writes it, so the committed report diffs line by line.
writeFileSync(mainPath, JSON.stringify(main, null, 2));
