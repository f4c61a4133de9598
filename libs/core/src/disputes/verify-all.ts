import { DisputeEntity, DisputeEventEntity } from '@tricolor/persistence';
import { In, MoreThan, type DataSource } from 'typeorm';
import { verifyChain } from './audit-chain';

export interface BrokenChain {
  disputeId: string;
  reference: string;
  seq: number;
  problem: string;
}

export interface VerifyAllReport {
  cases: number;
  records: number;
  broken: BrokenChain[];
}

const BATCH = 200;

/** Checks the hash chain of every case, a batch of cases at a time (after a restore, say). */
export async function verifyAllChains(dataSource: DataSource): Promise<VerifyAllReport> {
  const report: VerifyAllReport = { cases: 0, records: 0, broken: [] };
  let after = '';
  for (;;) {
    const cases = await dataSource.getRepository(DisputeEntity).find({
      select: { id: true, reference: true, status: true, tier: true, version: true },
      where: after ? { id: MoreThan(after) } : {},
      order: { id: 'ASC' },
      take: BATCH,
    });
    if (cases.length === 0) return report;
    const events = await dataSource.getRepository(DisputeEventEntity).find({
      where: { disputeId: In(cases.map((c) => c.id)) },
      order: { disputeId: 'ASC', seq: 'ASC' },
    });
    const byCase = new Map<string, DisputeEventEntity[]>();
    for (const e of events) {
      const list = byCase.get(e.disputeId);
      if (list) list.push(e);
      else byCase.set(e.disputeId, [e]);
    }
    for (const c of cases) {
      // The case row vouches for the trail's length and where it ended: a trail cut at its end
      // (newest records deleted) breaks nothing inside the chain, only this comparison.
      const verdict = verifyChain(byCase.get(c.id) ?? [], {
        status: c.status,
        tier: c.tier,
        version: c.version,
      });
      report.cases += 1;
      report.records += verdict.records;
      // A case must have at least its OPEN record.
      if (!verdict.intact || verdict.records === 0) {
        report.broken.push({
          disputeId: c.id,
          reference: c.reference,
          seq: verdict.brokenAt?.seq ?? 0,
          problem: verdict.brokenAt?.problem ?? 'no audit records',
        });
      }
    }
    after = cases[cases.length - 1]?.id ?? after;
  }
}
