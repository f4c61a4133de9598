import { Injectable } from '@nestjs/common';
import { CommunityReportEntity, TransactionRunner } from '@tricolor/persistence';
import { SYSTEM_ACTOR_ID } from '@tricolor/workflow';
import { formatTime } from '../notifications/messages';
import { Notifier } from '../notifications/notifier.service';
import { supervisorsOf } from '../notifications/recipients';
import { changeReport } from './report-trail';

/** How many overdue reports one sweep flags; the next sweep takes the rest. */
const BATCH = 200;

/**
 * Flags the reports nobody looked at by their review time (the next working day's end) and
 * tells the street's supervisors. It runs on the timer worker's reconcile interval rather than
 * one timer row per report: a report is flagged at most one interval late, and a sweep is one
 * indexed query when nothing is due. Flagging is claimed under the report's version, so two
 * workers sweeping at once flag (and notify) each report once.
 */
@Injectable()
export class ReportOverdueService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly notifier: Notifier,
  ) {}

  /** Flags what is due at `now`; returns the references flagged. */
  async sweep(now = new Date()): Promise<string[]> {
    const due = await this.tx.run((m) =>
      m
        .createQueryBuilder(CommunityReportEntity, 'r')
        .where('r.review_due_at <= :now', { now })
        .andWhere(`r.status = 'open' AND r.looked_at IS NULL AND r.overdue_flagged_at IS NULL`)
        .orderBy('r.review_due_at', 'ASC')
        .limit(BATCH)
        .getMany(),
    );
    const flagged: string[] = [];
    for (const report of due) {
      const done = await this.tx.run(async (m) => {
        const current = await m.findOne(CommunityReportEntity, { where: { id: report.id } });
        if (!current || current.overdueFlaggedAt !== null || current.lookedAt !== null)
          return false;
        if (current.status !== 'open') return false;
        await changeReport(
          m,
          current,
          { overdueFlaggedAt: now },
          {
            type: 'FLAGGED_OVERDUE',
            actorId: SYSTEM_ACTOR_ID,
            actorRole: 'system',
            payload: { reviewDueAt: current.reviewDueAt.toISOString() },
            at: now,
          },
        );
        await this.notifier.notify(m, await supervisorsOf(m, current.streetCode), {
          disputeId: null,
          kind: 'report_overdue',
          message:
            `社情 report ${current.reference} (${current.category}, grid ${current.gridCode}) ` +
            `was not looked at by ${formatTime(current.reviewDueAt)}: nobody in community ` +
            `${current.communityCode} has handled, assigned or converted it.`,
          at: now,
        });
        return true;
      });
      if (done) flagged.push(report.reference);
    }
    return flagged;
  }
}
