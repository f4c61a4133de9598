import { Injectable } from '@nestjs/common';
import {
  DisputeEntity,
  NotificationEntity,
  RowCodec,
  newId,
  runStatement,
  type Statement,
} from '@tricolor/persistence';
import type { Tier, TimerKind } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { assignedUserIds, handlersAmong, unique } from './handler-rules';
import {
  acceptanceOverdueMessage,
  confirmationWindowMessage,
  escalationMessage,
  policeReportMessage,
  reminderMessage,
  redOverdueMessage,
  type CaseFacts,
} from './messages';
import type { NotificationKind } from './notification-kind';
import {
  activeActors,
  handlersOf,
  judicialOfficersOf,
  supervisorsAmong,
  supervisorsOf,
} from './recipients';

export interface NotificationInput {
  disputeId: string | null;
  kind: NotificationKind;
  message: string;
  /** The server's clock; tests and the timer worker pass their own. */
  at?: Date;
}

/**
 * Writes inbox entries inside the caller's transaction, so a notification exists exactly when
 * the transition or timer firing that caused it commits. Every helper takes the case as it is
 * after the change (its tier and status decide who must act next).
 */
@Injectable()
export class Notifier {
  async notify(
    m: EntityManager,
    userIds: readonly string[],
    input: NotificationInput,
  ): Promise<NotificationEntity[]> {
    return this.write(m, this.notices(userIds, input));
  }

  /** The inbox entries `notify` writes, not yet written. */
  notices(userIds: readonly string[], input: NotificationInput): NotificationEntity[] {
    const createdAt = input.at ?? new Date();
    return unique(userIds).map((userId): NotificationEntity => ({
      id: newId(),
      userId,
      disputeId: input.disputeId,
      kind: input.kind,
      message: input.message,
      createdAt,
      readAt: null,
    }));
  }

  private async write(m: EntityManager, rows: NotificationEntity[]): Promise<NotificationEntity[]> {
    const insert = this.insertStatement(m, rows);
    if (insert) await runStatement(m, insert);
    return rows;
  }

  /** The INSERT of entries from `notices`; null when there are none. */
  insertStatement(m: EntityManager, rows: readonly NotificationEntity[]): Statement | null {
    return rows.length > 0 ? RowCodec.of(m, NotificationEntity).insert(rows) : null;
  }

  /** A deadline (or follow-up, or confirmation window) is coming: tell whoever must act. */
  async reminder(
    m: EntityManager,
    dispute: DisputeEntity,
    timerKind: TimerKind,
    dueAt: Date,
    at: Date = new Date(),
  ): Promise<NotificationEntity[]> {
    return this.write(m, await this.reminderNotices(m, dispute, timerKind, dueAt, at));
  }

  /** `reminder`'s entries, read but not written (a batch of timer firings writes them at once). */
  async reminderNotices(
    m: EntityManager,
    dispute: DisputeEntity,
    timerKind: TimerKind,
    dueAt: Date,
    at: Date,
  ): Promise<NotificationEntity[]> {
    return this.notices(await handlersOf(m, dispute), {
      disputeId: dispute.id,
      kind: 'reminder',
      message: reminderMessage(facts(dispute), timerKind, dueAt),
      at,
    });
  }

  /** Nobody accepted a yellow case in time: the street's judicial office and its supervisors. */
  async acceptanceOverdue(
    m: EntityManager,
    dispute: DisputeEntity,
    at: Date = new Date(),
  ): Promise<NotificationEntity[]> {
    return this.write(m, await this.acceptanceOverdueNotices(m, dispute, at));
  }

  /** `acceptanceOverdue`'s entries, read but not written. */
  async acceptanceOverdueNotices(
    m: EntityManager,
    dispute: DisputeEntity,
    at: Date,
  ): Promise<NotificationEntity[]> {
    const recipients = [
      ...(await judicialOfficersOf(m, dispute.streetCode)),
      ...(await supervisorsOf(m, dispute.streetCode)),
    ];
    return this.notices(recipients, {
      disputeId: dispute.id,
      kind: 'overdue',
      message: acceptanceOverdueMessage(facts(dispute), at),
      at,
    });
  }

  /** A red case missed its deadline (it stays red, flagged overdue): supervisors and handlers. */
  async redOverdue(
    m: EntityManager,
    dispute: DisputeEntity,
    at: Date = new Date(),
  ): Promise<NotificationEntity[]> {
    return this.write(m, await this.redOverdueNotices(m, dispute, at));
  }

  /** `redOverdue`'s entries, read but not written. */
  async redOverdueNotices(
    m: EntityManager,
    dispute: DisputeEntity,
    at: Date,
  ): Promise<NotificationEntity[]> {
    const recipients = [
      ...(await supervisorsOf(m, dispute.streetCode)),
      ...(await handlersOf(m, dispute)),
    ];
    return this.notices(recipients, {
      disputeId: dispute.id,
      kind: 'overdue',
      message: redOverdueMessage(facts(dispute), at),
      at,
    });
  }

  /** The case changed tier: its new handlers and the street's supervisors. */
  async escalated(
    m: EntityManager,
    dispute: DisputeEntity,
    fromTier: Tier,
    toTier: Tier,
    automatic: boolean,
    at: Date = new Date(),
  ): Promise<NotificationEntity[]> {
    return this.write(m, await this.escalationNotices(m, dispute, fromTier, toTier, automatic, at));
  }

  /** `escalated`'s entries, read but not written: the transition writes them with its own. */
  async escalationNotices(
    m: EntityManager,
    dispute: DisputeEntity,
    fromTier: Tier,
    toTier: Tier,
    automatic: boolean,
    at: Date,
  ): Promise<NotificationEntity[]> {
    const last = dispute.snapshot.context.lastEscalation;
    const reason = last && last.from === fromTier && last.to === toTier ? last.reason : null;
    // One read of the street's people serves both lists.
    const ctx = dispute.snapshot.context;
    const people = await activeActors(m, dispute.streetCode, assignedUserIds(ctx));
    const recipients = [
      ...(dispute.status === 'closed' ? [] : handlersAmong(dispute.status, ctx, people)),
      ...supervisorsAmong(people, dispute.streetCode),
    ];
    return this.notices(recipients, {
      disputeId: dispute.id,
      kind: 'escalation',
      message: escalationMessage(facts(dispute), {
        from: fromTier,
        to: toTier,
        automatic,
        reason,
        at,
      }),
      at,
    });
  }

  /**
   * PML Art. 25: a report to the police lands in the inbox of the community police of the
   * case's community and of the street's supervisors; read, not written (the transition writes).
   */
  async policeReportNotices(
    m: EntityManager,
    dispute: DisputeEntity,
    at: Date,
  ): Promise<NotificationEntity[]> {
    const report = dispute.snapshot.context.policeReports.at(-1);
    if (!report) return [];
    const people = await activeActors(m, dispute.streetCode, []);
    const recipients = [
      ...people
        .filter((p) => p.role === 'community_police' && p.communityCode === dispute.communityCode)
        .map((p) => p.id),
      ...supervisorsAmong(people, dispute.streetCode),
    ];
    return this.notices(recipients, {
      disputeId: dispute.id,
      kind: 'police_report',
      message: policeReportMessage(facts(dispute), {
        risk: report.risk,
        station: report.station,
        at,
      }),
      at,
    });
  }

  /** The Art. 33 window is about to close (`closing` false) or has closed: the handlers. */
  async confirmationWindow(
    m: EntityManager,
    dispute: DisputeEntity,
    closing: boolean,
    at: Date = new Date(),
  ): Promise<NotificationEntity[]> {
    return this.write(m, await this.confirmationWindowNotices(m, dispute, closing, at));
  }

  /** `confirmationWindow`'s entries, read but not written. */
  async confirmationWindowNotices(
    m: EntityManager,
    dispute: DisputeEntity,
    closing: boolean,
    at: Date,
  ): Promise<NotificationEntity[]> {
    const endsAt = dispute.snapshot.context.agreement?.confirmationWindowEndsAt;
    return this.notices(await handlersOf(m, dispute), {
      disputeId: dispute.id,
      kind: 'confirmation_window',
      message: confirmationWindowMessage(facts(dispute), closing, endsAt ? new Date(endsAt) : at),
      at,
    });
  }
}

function facts(dispute: DisputeEntity): CaseFacts {
  return { reference: dispute.reference, status: dispute.status, streetCode: dispute.streetCode };
}
