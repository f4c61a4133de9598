import { Injectable, Logger, Optional } from '@nestjs/common';
import {
  DisputeEntity,
  DisputeEventEntity,
  RowCodec,
  TransactionRunner,
  UserEntity,
  WriteBatch,
  isUniqueViolation,
  type DeferredWrites,
} from '@tricolor/persistence';
import { allowedEvents, refusal, step, TIERS, type Actor, type UserRef } from '@tricolor/workflow';
import { In, type EntityManager } from 'typeorm';
import { Notifier } from '../notifications/notifier.service';
import { ConflictError, DomainError, EventRefusedError, UnavailableError } from '../domain-errors';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { TimerWakeUps } from '../timers/timer-wake-ups';
import { timerRowStatements, type TimerChanges } from '../timers/timer-rows';
import { recordSideEffects, writesSideRecords } from './case-records';
import { toDisputeView, nextDeadlineOf, type DisputeView } from './dispute-view';
import { chainRecord, insertEvent } from './event-log';
import { canonicalJson } from './audit-chain';
import { loadForTransition, type LoadedCase } from './dispute-finder';
import { advanceTierClock } from '../stats/tier-clock';
import type { EventPayload } from './event-payload';
import { CalendarStore } from '../calendar/calendar-store.service';
import { Metrics, type TransitionResult } from '../ops/metrics';

export interface SendEventCommand {
  actor: Actor;
  disputeId: string;
  event: EventPayload;
  expectedVersion?: number;
  idempotencyKey?: string;
  /** The server's clock; tests pass their own. */
  at?: Date;
  /** The case as the caller already loaded it in this transaction (the timer worker does). */
  loaded?: LoadedCase;
  /**
   * Collect the writes here instead of running them: a batch of timer firings sends every
   * firing's writes together, and checks that each case update changed its row.
   */
  defer?: DeferredWrites;
}

export interface AppliedEvent {
  view: DisputeView;
  /** The case before and after; `after` is null when an idempotent replay wrote nothing. */
  before: DisputeEntity;
  after: DisputeEntity | null;
  timers: TimerChanges | null;
}

/**
 * The one path every transition takes, from HTTP and from timers alike: load the case, step the
 * pure statechart, and in one transaction update the case under its version, append the audit
 * record and write the timer rows. Timer jobs are queued only after the commit.
 */
@Injectable()
export class SendEventService {
  private readonly log = new Logger('Transition');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly wakeUps: TimerWakeUps,
    private readonly notifier: Notifier,
    private readonly calendars: CalendarStore,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async send(command: SendEventCommand): Promise<DisputeView> {
    const refs = await this.resolveRefs(command.event);
    // Most events write only the one WriteBatch statement: on PostgreSQL that needs no
    // transaction around it. Those with agreements or assignments write more, in one.
    const unit = writesSideRecords(command.event.type)
      ? this.tx.run.bind(this.tx)
      : this.tx.runSingleWrite.bind(this.tx);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const applied = await unit((m) => this.applyWithin(m, command, refs));
      if (applied.timers) this.wakeUps.afterCommit(command.disputeId, applied.timers);
      this.metrics?.transitionSeconds.observe({ event: command.event.type }, seconds());
      return applied.view;
    } catch (error) {
      // Two requests with one Idempotency-Key raced: the loser returns the winner's answer.
      if (command.idempotencyKey && (isUniqueViolation(error) || error instanceof ConflictError)) {
        const replay = await this.tx.run((m) => this.replay(m, command));
        if (replay) {
          this.observe(command, 'replayed');
          return replay;
        }
      }
      this.observe(command, resultOf(error), error);
      throw error;
    }
  }

  /**
   * Applies one event inside the caller's transaction, or (send, on PostgreSQL) in a unit whose
   * only write is the one WriteBatch statement. The caller queues `timers` after its commit (the
   * timer worker claims its row in the same transaction first).
   */
  async applyWithin(
    m: EntityManager,
    command: SendEventCommand,
    refs: Record<string, UserRef> = {},
  ): Promise<AppliedEvent> {
    const { actor, disputeId, event } = command;
    const { dispute, head } =
      command.loaded ??
      (await loadForTransition(m, disputeId, this.jurisdiction.scopeCondition(actor)));
    if (command.idempotencyKey) {
      const replay = await this.replay(m, command);
      if (replay) {
        this.observe(command, 'replayed');
        return { view: replay, before: dispute, after: null, timers: null };
      }
    }
    if (command.expectedVersion !== undefined && command.expectedVersion !== dispute.version) {
      throw ConflictError.staleVersion(command.expectedVersion, dispute.version);
    }

    const at = command.at ?? new Date();
    const before = dispute.snapshot;
    // Working-time deadlines are counted on the calendar in force, handed in like the clock.
    const calendar = await this.calendars.current(m);
    const result = step(before, { ...event, actor, at: at.toISOString(), refs, calendar });
    if (!result.ok)
      throw new EventRefusedError(
        event.type,
        result.reason,
        result.allowed,
        result.code,
        result.params,
      );

    const closed = result.status === 'closed';
    const changes = {
      snapshot: result.state,
      status: result.status,
      tier: result.tier,
      highestTier: result.highestTier,
      outcome: result.outcome,
      overdue: result.overdue,
      nextDeadlineAt: nextDeadlineOf(result.state),
      version: dispute.version + 1,
      updatedAt: at,
      closedAt: closed ? at : null,
      // The statistics count an agreement reached and a confirmation apart from what followed.
      agreementReached:
        (dispute.agreementReached ?? false) || result.state.context.agreement !== null,
      judiciallyConfirmed:
        (dispute.judiciallyConfirmed ?? false) ||
        result.state.context.agreement?.confirmation === 'confirmed',
      ...advanceTierClock(dispute, result.tier, at), // GET /stats times tiers from these columns
    };
    const next: DisputeEntity = { ...dispute, ...changes };
    const view = toDisputeView(next, actor);
    const timerChanges = { armed: result.armed, cancelled: result.cancelled };

    // Agreements and assignments (a few events only) are written on their own; every other write
    // goes in one batch, one round trip on PostgreSQL, after the reads that shape it.
    await recordSideEffects(m, disputeId, before, result.state, event, actor, at);
    const batch = new WriteBatch()
      .add(
        RowCodec.of(m, DisputeEntity).update(changes, 'id = :id AND version = :version', {
          id: dispute.id,
          version: dispute.version,
        }),
      )
      .add(
        insertEvent(
          m,
          chainRecord(
            {
              disputeId,
              type: event.type,
              actorId: actor.id,
              actorRole: actor.role,
              payload: event,
              fromStatus: dispute.status,
              toStatus: result.status,
              fromTier: dispute.tier,
              toTier: result.tier,
              at,
              machineVersion: result.state.machineVersion,
              idempotencyKey: command.idempotencyKey ?? null,
              response: command.idempotencyKey ? view : null,
            },
            head,
          ),
        ),
      );
    for (const statement of timerRowStatements(
      m,
      disputeId,
      timerChanges,
      at,
      `left by ${event.type}`,
    )) {
      batch.add(statement);
    }
    // Escalations land in the inboxes of the new tier's handlers and the street's supervisors.
    if (TIERS.indexOf(result.tier) > TIERS.indexOf(dispute.tier)) {
      const notices = await this.notifier.escalationNotices(
        m,
        next,
        dispute.tier,
        result.tier,
        actor.role === 'system',
        at,
      );
      const insert = this.notifier.insertStatement(m, notices);
      if (insert) batch.add(insert);
    }
    // PML Art. 25: the report is on the case and in the police's inbox, in the same commit.
    if (event.type === 'REPORT_TO_POLICE') {
      const insert = this.notifier.insertStatement(
        m,
        await this.notifier.policeReportNotices(m, next, at),
      );
      if (insert) batch.add(insert);
    }
    if (command.defer) {
      const defer = command.defer;
      batch.list().forEach((statement, i) => defer.add(statement, i === 0));
      this.observe(command, 'applied', undefined, dispute.status, result.status);
      return { view, before: dispute, after: next, timers: timerChanges };
    }
    const changed = () =>
      new ConflictError(`the case changed while ${event.type} was being applied: retry`);
    let affected: number[];
    try {
      affected = await batch.run(m);
    } catch (error) {
      // A writer that got in first appended the same record number: the case changed.
      if (isUniqueViolation(error)) throw changed();
      throw error;
    }
    if (affected[0] !== 1) throw changed();
    this.observe(command, 'applied', undefined, dispute.status, result.status);
    return { view, before: dispute, after: next, timers: timerChanges };
  }

  /** A count and a log line per transition: ids, event type and states, no personal data. */
  private observe(
    command: SendEventCommand,
    result: TransitionResult,
    error?: unknown,
    from?: string,
    to?: string,
  ): void {
    const event = command.event.type;
    this.metrics?.transitions.inc({ event, result });
    const line = {
      msg: `transition ${result}`,
      event,
      result,
      caseId: command.disputeId,
      userId: command.actor.id,
      ...(from ? { from, to } : {}),
      ...(error instanceof Error ? { error: error.message } : {}),
    };
    if (result === 'error') this.log.error(line);
    else this.log.log(line);
  }

  private async replay(m: EntityManager, command: SendEventCommand): Promise<DisputeView | null> {
    const previous = await m.findOne(DisputeEventEntity, {
      where: { disputeId: command.disputeId, idempotencyKey: command.idempotencyKey },
    });
    // The stored answer is the first caller's view (numbers unmasked for a handler): theirs only.
    if (previous && previous.actorId !== command.actor.id) {
      throw new ConflictError(
        `Idempotency-Key ${String(command.idempotencyKey)} was already used on this case by someone else`,
      );
    }
    if (!previous?.response) return null;
    const current = await m.findOne(DisputeEntity, { where: { id: command.disputeId } });
    // A key names one request: the same key with another body is a mistake, not a retry. The
    // record's payload is the first request (its type and body), compared canonically.
    if (canonicalJson(previous.payload) !== canonicalJson({ ...command.event })) {
      throw keyReused(command, current);
    }
    // Masked for the caller as they are now: they may have stopped handling the case since.
    const stored = previous.response as unknown as DisputeView;
    if (!current) return stored;
    const now = toDisputeView({ ...current, parties: stored.parties }, command.actor);
    return { ...stored, parties: now.parties };
  }

  /** Users an event names (officer, lawyer, panel members), with their role and street. */
  private async resolveRefs(event: EventPayload): Promise<Record<string, UserRef>> {
    const ids =
      event.type === 'ACCEPT'
        ? [event.officerId, event.lawyerId]
        : event.type === 'CONVENE_PANEL'
          ? event.members.map((m) => m.userId)
          : event.type === 'REPLACE_MEDIATOR'
            ? [event.replacementUserId]
            : [];
    if (ids.length === 0) return {};
    const users = await this.tx.run((m) =>
      m.find(UserEntity, { where: { id: In(ids), active: true } }),
    );
    const refs: Record<string, UserRef> = {};
    for (const u of users) {
      const place = u.unitCode ? await this.jurisdiction.placeOf(u.unitCode) : undefined;
      refs[u.id] = {
        id: u.id,
        role: u.role,
        institution: u.institution,
        streetCode: place?.streetCode ?? null,
      };
    }
    return refs;
  }
}

function resultOf(error: unknown): TransitionResult {
  if (error instanceof EventRefusedError) return 'refused';
  if (error instanceof ConflictError) return 'conflict';
  // Not found, forbidden, bad input: the caller's mistake, not the server's.
  if (error instanceof DomainError && !(error instanceof UnavailableError)) return 'refused';
  return 'error';
}

/** 422: an Idempotency-Key sent again with another request; says what the caller may send now. */
function keyReused(command: SendEventCommand, current: DisputeEntity | null): EventRefusedError {
  const { code, params, message } = refusal('IDEMPOTENCY_KEY_REUSED', {
    key: command.idempotencyKey,
  });
  const allowed = current
    ? allowedEvents(current.snapshot, command.actor)
        .filter((e) => e.allowed)
        .map((e) => e.type)
    : [];
  return new EventRefusedError(command.event.type, message, allowed, code, params);
}
