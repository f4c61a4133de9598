// npm run restore FILE: replaces the database with a backup. Stop the API and workers first;
// on start the workers reconcile the timer queue with the restored rows. Then npm run verify:all.
import { loadConfig } from '@tricolor/config';
import { restoreDatabase } from '@tricolor/persistence';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run restore -- FILE');
  await restoreDatabase(loadConfig(), file);
  console.log(JSON.stringify({ msg: 'restored', file }));
}

main().catch((error: unknown) => {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exit(1);
});
