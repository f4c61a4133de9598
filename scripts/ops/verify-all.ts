// npm run verify:all: checks every case's audit hash chain; exits 1 naming any broken one.
import { loadConfig } from '@tricolor/config';
import { verifyAllChains } from '@tricolor/core';
import { openDatabase } from '@tricolor/persistence';

async function main(): Promise<void> {
  const config = loadConfig();
  // Read-only check: it does not migrate (a restored older schema is reported, not changed).
  const dataSource = await openDatabase({ ...config, migrate: false });
  try {
    const report = await verifyAllChains(dataSource);
    for (const b of report.broken) {
      console.error(`BROKEN ${b.reference} (${b.disputeId}) at record ${b.seq}: ${b.problem}`);
    }
    console.log(
      JSON.stringify({
        msg: 'verified',
        cases: report.cases,
        records: report.records,
        broken: report.broken.length,
      }),
    );
    process.exitCode = report.broken.length > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`verify:all failed: ${(error as Error).message}`);
  process.exit(2);
});
