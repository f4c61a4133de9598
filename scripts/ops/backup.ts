// npm run backup [FILE]: a consistent copy of the live database (see README "Backups").
import { loadConfig } from '@tricolor/config';
import { backupDatabase } from '@tricolor/persistence';

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const { driver, file } = await backupDatabase(config, process.argv[2]);
  console.log(JSON.stringify({ msg: 'backup written', driver, file, ms: Date.now() - started }));
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exit(1);
});
