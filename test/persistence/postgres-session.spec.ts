import { openDatabase } from '@tricolor/persistence';
import { createTestPostgresDatabase } from '../support/databases';

describe('PostgreSQL sessions', () => {
  it('run with JIT off: compiling short queries costs more than it saves', async () => {
    const db = await createTestPostgresDatabase();
    const ds = await openDatabase({ databaseUrl: db.url, dataDir: '/tmp', migrate: false });
    try {
      expect(await ds.query('SHOW jit')).toEqual([{ jit: 'off' }]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
