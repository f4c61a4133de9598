// npm run audit:reseal: seals audit records written before keyed seals (README "Security", key
// rotation). Run as the database owner (it lifts the append-only trigger for its transaction).
// --dry-run checks and reports only; --before=<ISO instant> bounds what counts as legacy.
import { loadConfig } from '@tricolor/config';
import { AuditKeyring, resealLegacyTrails } from '@tricolor/core';
import { openDatabase } from '@tricolor/persistence';

async function main(): Promise<void> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const beforeArg = args.find((a) => a.startsWith('--before='))?.slice('--before='.length);
  const before = beforeArg === undefined ? undefined : new Date(beforeArg);
  if (before && Number.isNaN(before.getTime())) {
    throw new Error(`--before: "${beforeArg}" is not an ISO 8601 instant`);
  }
  const dataSource = await openDatabase({ ...config, migrate: true });
  try {
    const report = await resealLegacyTrails(dataSource, {
      keyring: new AuditKeyring(config.auditKeyId, config.auditKeys),
      dryRun: args.includes('--dry-run'),
      ...(before ? { before } : {}),
    });
    for (const r of report.refused) {
      console.error(`REFUSED ${r.reference} (${r.disputeId}): ${r.problems.join('; ')}`);
    }
    console.log(
      JSON.stringify({
        msg: args.includes('--dry-run') ? 'would reseal' : 'resealed',
        keyId: report.keyId,
        cases: report.cases,
        records: report.records,
        refused: report.refused.length,
      }),
    );
    process.exitCode = report.refused.length > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`audit:reseal failed: ${(error as Error).message}`);
  process.exit(2);
});
