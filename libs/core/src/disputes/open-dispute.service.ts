import { Injectable, Logger, Optional } from '@nestjs/common';
import { Metrics } from '../ops/metrics';
import { AppConfig } from '@tricolor/config';
import { DisputeEntity, TransactionRunner, newId, type PartyRecord } from '@tricolor/persistence';
import {
  assessRisk,
  openCase,
  PERSONAL_STATUS_CATEGORIES,
  POLICE_REPORT_INDICATORS,
  representationProblem,
  type Actor,
  type RiskAssessment,
} from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors';
import { JurisdictionService, type UnitPlace } from '../jurisdiction/jurisdiction.service';
import { TimerWakeUps } from '../timers/timer-wake-ups';
import { writeTimerRows } from '../timers/timer-rows';
import { nextDeadlineOf, toDisputeView, type DisputeView } from './dispute-view';
import { loadVisibleDispute } from './dispute-finder';
import type { OpenDisputeCommand } from './commands';
import { asRow } from '../as-row';
import { appendEvent } from './event-log';
import { openTierClock } from '../stats/tier-clock';
import { CalendarStore } from '../calendar/calendar-store.service';

/** Work done in the transaction that opens the case, e.g. marking its report converted. */
export type WithinOpen = (m: EntityManager, dispute: DisputeEntity) => Promise<void>;

/** triage names its inputs; the HTTP body calls the checklist `riskIndicators`. */
const BODY_FIELD: Record<string, string> = { indicators: 'riskIndicators', partyCount: 'parties' };

@Injectable()
export class OpenDisputeService {
  private readonly log = new Logger('Transition');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly config: AppConfig,
    private readonly wakeUps: TimerWakeUps,
    private readonly calendars: CalendarStore,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async open(
    actor: Actor,
    body: OpenDisputeCommand,
    at = new Date(),
    within?: WithinOpen,
  ): Promise<DisputeView> {
    const grid = await this.jurisdiction.placeOf(body.gridCode);
    if (!grid || grid.kind !== 'grid') {
      throw new InvalidInputError('gridCode', `${body.gridCode} is not a known grid`);
    }
    this.checkMayOpen(actor, grid);

    const assessed = assessRisk({
      indicators: body.riskIndicators,
      requestedTier: body.requestedTier ?? null,
      tierReason: body.tierReason ?? null,
      amount: body.amount ?? null,
      partyCount: body.parties.length,
    });
    if (!assessed.ok) {
      throw new InvalidInputError(
        BODY_FIELD[assessed.field] ?? assessed.field,
        `is invalid: ${assessed.message}`,
      );
    }
    const assessment: RiskAssessment = assessed.assessment;
    const parties: PartyRecord[] = body.parties.map((p, i) => ({
      id: `p${i + 1}`,
      name: p.name,
      role: p.role,
      ...(p.phone !== undefined ? { phone: p.phone } : {}),
      ...(p.idNumber !== undefined ? { idNumber: p.idNumber } : {}),
      ...(p.capacity !== undefined ? { capacity: p.capacity } : {}),
      ...(p.representative
        ? {
            representative: {
              // The signer's id beside the party's: `p2-g` (guardian) or `p2-a` (agent).
              id: `p${i + 1}-${p.representative.kind === 'guardian' ? 'g' : 'a'}`,
              name: p.representative.name,
              kind: p.representative.kind,
              ...(p.representative.relation ? { relation: p.representative.relation } : {}),
            },
          }
        : {}),
    }));
    const partyRefs = parties.map(({ id, name, role, capacity, representative }) => ({
      id,
      name,
      role,
      ...(capacity ? { capacity } : {}),
      ...(representative
        ? {
            representative: {
              id: representative.id,
              name: representative.name,
              kind: representative.kind,
            },
          }
        : {}),
    }));
    const represented = representationProblem(partyRefs);
    if (represented) {
      throw new InvalidInputError(`parties[${represented.index}]`, represented.message);
    }
    const workflow = openCase({
      location: {
        gridCode: grid.code,
        communityCode: grid.communityCode ?? '',
        streetCode: grid.streetCode,
      },
      parties: partyRefs,
      tier: assessment.chosenTier,
      openedAt: at.toISOString(),
      policy: {
        durations: { ...this.config.durations },
        reminderRatio: this.config.reminderRatio,
        working: { ...this.config.workingSpans },
      },
      calendar: await this.calendars.current(),
      openedBy: actor.id,
      personalStatus: PERSONAL_STATUS_CATEGORIES.includes(body.category.trim().toLowerCase()),
      source: body.source ?? 'grid_worker',
      consents: body.parties.flatMap((p, i) =>
        p.consent ? [{ partyId: `p${i + 1}`, form: p.consent }] : [],
      ),
      rightsNoticeHow: body.rightsNoticeHow ?? 'oral',
      // PML Art. 25: triage marked violence, self-harm or threats.
      policeReportRequired: assessment.matched.some((m) =>
        POLICE_REPORT_INDICATORS.includes(m.code),
      ),
      ...(body.notAccepted
        ? {
            notAccepted: {
              ground: body.notAccepted.ground,
              referredTo: body.notAccepted.referredTo,
              note: body.notAccepted.note ?? null,
              noticeHow: body.notAccepted.noticeHow ?? 'oral',
            },
          }
        : {}),
    });

    const id = newId();
    const view = await this.tx.run(async (m) => {
      if (body.linkedCaseId) await this.checkLinkedCase(m, actor, body.linkedCaseId);
      const dispute = m.create(DisputeEntity, {
        id,
        reference: referenceFor(id, at),
        title: body.title,
        description: body.description,
        category: body.category,
        gridCode: grid.code,
        communityCode: grid.communityCode ?? '',
        streetCode: grid.streetCode,
        tier: workflow.tier,
        highestTier: workflow.highestTier,
        status: workflow.status,
        outcome: workflow.outcome,
        overdue: false,
        parties,
        amount: body.amount ?? null,
        riskAssessment: assessment,
        snapshot: workflow.state,
        machineId: workflow.state.machineId,
        machineVersion: workflow.state.machineVersion,
        version: 1,
        linkedCaseId: body.linkedCaseId ?? null,
        openedBy: actor.id,
        personalStatus: PERSONAL_STATUS_CATEGORIES.includes(body.category.trim().toLowerCase()),
        nextDeadlineAt: nextDeadlineOf(workflow.state),
        createdAt: at,
        updatedAt: at,
        closedAt: workflow.status === 'closed' ? at : null,
        ...openTierClock(workflow.tier, at),
        reportId: body.reportId ?? null,
        lon: body.location?.lon ?? null,
        lat: body.location?.lat ?? null,
        mediationType: body.mediationType ?? 'people',
        inPrivate: body.private ?? false,
        agreementReached: false,
        judiciallyConfirmed: false,
      });
      await m.insert(DisputeEntity, asRow(dispute));
      await appendEvent(m, {
        disputeId: id,
        type: 'OPEN',
        actorId: actor.id,
        actorRole: actor.role,
        payload: {
          title: body.title,
          category: body.category,
          gridCode: grid.code,
          // On the trail so the monthly report's amounts can be rebuilt from the events alone.
          ...(body.amount !== undefined ? { amount: body.amount } : {}),
          parties: partyRefs,
          mediationType: body.mediationType ?? 'people',
          private: body.private ?? false,
          suggestedTier: assessment.suggestedTier,
          chosenTier: assessment.chosenTier,
          explanation: assessment.explanation,
          source: body.source ?? 'grid_worker',
          ...(body.notAccepted ? { notAccepted: { ...body.notAccepted } } : {}),
          ...(body.linkedCaseId ? { linkedCaseId: body.linkedCaseId } : {}),
          ...(body.reportId ? { reportId: body.reportId } : {}),
        },
        fromStatus: null,
        toStatus: workflow.status,
        fromTier: null,
        toTier: workflow.tier,
        at,
        machineVersion: workflow.state.machineVersion,
        idempotencyKey: null,
        response: null,
      });
      await writeTimerRows(m, id, { armed: workflow.timers, cancelled: [] }, at, '');
      if (within) await within(m, dispute);
      return toDisputeView(dispute, actor);
    });
    this.wakeUps.afterCommit(id, { armed: workflow.timers, cancelled: [] });
    // Ids, tier and status only: the parties' names and numbers stay out of the log.
    this.metrics?.transitions.inc({ event: 'OPEN', result: 'applied' });
    this.log.log({
      msg: 'transition applied',
      event: 'OPEN',
      result: 'applied',
      caseId: id,
      userId: actor.id,
      to: view.status,
    });
    return view;
  }

  /** Grid workers open in their grid, community police in their community, supervisors in their street. */
  private checkMayOpen(actor: Actor, grid: UnitPlace): void {
    const ok =
      (actor.role === 'grid_worker' && actor.gridCode === grid.code) ||
      (actor.role === 'community_police' && actor.communityCode === grid.communityCode) ||
      (actor.role === 'supervisor' && actor.streetCode === grid.streetCode);
    if (!ok) {
      throw new ForbiddenError(
        `a ${actor.role} may not open a dispute in grid ${grid.code}: grid workers open in their own grid, community police in their community, supervisors in their street`,
      );
    }
  }

  /** A closed case is never reopened: the new case links to it (DESIGN.md §3). */
  private async checkLinkedCase(m: EntityManager, actor: Actor, linkedId: string): Promise<void> {
    try {
      const linked = await loadVisibleDispute(m, this.jurisdiction, actor, linkedId);
      if (linked.status !== 'closed') {
        throw new InvalidInputError(
          'linkedCaseId',
          `names case ${linked.reference}, which is still open`,
        );
      }
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new InvalidInputError('linkedCaseId', `names no case you can see`);
      }
      throw error;
    }
  }
}

/** Human-readable and unique: the date and the first digits of the case id. */
function referenceFor(id: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `TC-${day}-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
