import { Heavy } from '../throttle/heavy-query';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { parseWorkingSpan, refusalText, type DomainEvent } from '@tricolor/workflow';
import { CurrentUser, type AuthUser } from '../auth';
import {
  PersonalDataReads,
  type DisputeView,
  DisputeQueriesService,
  InvalidInputError,
  OpenDisputeService,
  SendEventService,
} from '@tricolor/core';
import { JurisdictionService } from '@tricolor/core';
import { ApiErrors } from '../http/api-errors.decorator';
import { languageOf } from '../http/language';
import { AllowedEventsResponse } from './dto/allowed-events.response';
import { AuditRecordResponse, AuditVerificationResponse } from './dto/audit.response';
import { DisputeResponse } from './dto/dispute.response';
import type { EventBaseDto } from './dto/event.dto';
import { DisputeListResponse } from './dto/dispute-list.response';
import { TimerResponse } from './dto/timer.response';
import { eventBodySchema } from './event-schemas';
import { ListDisputesQuery } from './dto/list-disputes.query';
import { OpenDisputeDto } from './dto/open-dispute.dto';
import { EventBodyPipe } from './event-body.pipe';
import { EventsPageQuery, TimersPageQuery } from './dto/trail-page.query';
import { RateLimiter } from '../throttle/rate-limiter';
import { AppConfig } from '@tricolor/config';

/** Events a person can repeat at will on one case: limited per case (THROTTLE_CASE_EVENT_*). */
const FLOODABLE: ReadonlySet<string> = new Set(['SUSPEND', 'RESUME', 'EXTEND_DEADLINE']);
const DAY_MS = 86_400_000;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.-]{1,128}$/;

/** Every route under /disputes/{id}: a case the caller may not see does not exist for them. */
const CaseId = () =>
  ApiParam({
    name: 'id',
    description: 'The case id (Dispute.id)',
    schema: { type: 'string', maxLength: 64 },
  });

@ApiTags('disputes')
@ApiBearerAuth()
@ApiErrors(401, 503)
@Controller('disputes')
export class DisputesController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly opening: OpenDisputeService,
    private readonly sending: SendEventService,
    private readonly queries: DisputeQueriesService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly reads: PersonalDataReads,
  ) {}

  /** Answers `view`, recording it when it shows a party's numbers unmasked. */
  private async shown<T extends DisputeView>(user: AuthUser, view: T, via: string): Promise<T> {
    await this.reads.record(user.id, [view], via);
    return view;
  }

  @Post()
  @ApiOperation({
    operationId: 'openDispute',
    summary: 'Open a case in a grid',
    description:
      'Records the risk assessment: the checklist suggests a tier; a higher one may be ' +
      'requested freely, a lower one only with tierReason. Starts the first deadline.',
  })
  @ApiCreatedResponse({ type: DisputeResponse, description: 'The new case' })
  @ApiErrors(
    [400, 'Bad input, an unknown grid or risk indicator, or a lower tier without tierReason'],
    [403, 'The caller may not open a case in that grid'],
    413,
    415,
  )
  async open(@CurrentUser() user: AuthUser, @Body() body: OpenDisputeDto) {
    const view = await this.opening.open(await this.jurisdiction.actorFor(user), body);
    return this.shown(user, view, 'POST /disputes');
  }

  @Get()
  @ApiOperation({
    operationId: 'listDisputes',
    summary: 'The cases the caller may see, newest first, filtered and paged',
    description:
      'Page with page (1, 2, …) or, for walking a long list, with after (the nextCursor of the ' +
      'previous page), which stays fast at any depth. total is exact up to 10,000 matches ' +
      '(1,000 with text); beyond that it is the cap, with totalIsExact false (docs/api.md).',
  })
  @ApiOkResponse({ type: DisputeListResponse })
  @ApiErrors([400, 'A filter or paging parameter is wrong (a stale or foreign cursor too)'])
  @Heavy('text search', { when: (req) => req.query.text !== undefined })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListDisputesQuery) {
    const page = await this.queries.list(await this.jurisdiction.actorFor(user), query);
    await this.reads.record(user.id, page.items, 'GET /disputes');
    return page;
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getDispute', summary: 'One case' })
  @CaseId()
  @ApiOkResponse({ type: DisputeResponse })
  @ApiErrors(400, 404)
  async get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    const view = await this.queries.get(await this.jurisdiction.actorFor(user), id);
    return this.shown(user, view, 'GET /disputes/:id');
  }

  @Get(':id/events')
  @ApiOperation({
    operationId: 'listDisputeEvents',
    summary: "The case's audit trail, oldest first",
    description:
      'Every record is hash-chained to the one before it (see auditDispute). At most limit ' +
      '(default 500, max 1000) records after afterSeq: page on with the last record’s seq.',
  })
  @CaseId()
  @ApiOkResponse({ type: [AuditRecordResponse] })
  @ApiErrors(400, 404)
  async events(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() page: EventsPageQuery,
  ) {
    return this.queries.events(await this.jurisdiction.actorFor(user), id, page);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'sendDisputeEvent',
    summary: 'Send the case an event',
    description:
      'Steps the statechart with one event. The case, its audit record and its timers are ' +
      'written together or not at all. Send expectedVersion to refuse (409) if the case moved ' +
      'on since you read it; send an Idempotency-Key to make a retry safe.',
  })
  @CaseId()
  @ApiBody({
    schema: eventBodySchema(),
    description: 'The event: its type, expectedVersion if wanted, and its payload fields',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Any string the client picks, unique per intended change (a UUID will do). A repeat ' +
      'with the same key and the same request answers what the first request was answered ' +
      '(masked for the caller as they are now) and writes nothing; the same key with a ' +
      'different request is a 422 (IDEMPOTENCY_KEY_REUSED).',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,128}$', maxLength: 128 },
  })
  @ApiOkResponse({ type: DisputeResponse, description: 'The case after the event' })
  @ApiErrors(
    404,
    [
      409,
      'expectedVersion is stale, the case changed while the event was applied (retry), or ' +
        'the Idempotency-Key was used on this case by someone else',
    ],
    413,
    415,
    [
      422,
      'The event is refused: `reason` says why, `allowedEvents` what may be sent now. ' +
        'IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was already used on this case for a ' +
        'different request (another type or body); a replay must repeat it exactly',
    ],
  )
  @ApiErrors([400, 'Bad input: an unknown type, a payload field missing or wrong, a bad key'])
  async send(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    // Typed `object` so the global pipe leaves it to EventBodyPipe, which picks the DTO by type.
    @Body(EventBodyPipe) raw: object,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new InvalidInputError('Idempotency-Key', 'must be 1-128 letters, digits, _ . or -');
    }
    const { expectedVersion, ...event } = raw as EventBaseDto;
    // class-validator's @IsOptional lets null through; null is not "no version check".
    if ((expectedVersion as number | null | undefined) === null) {
      throw new InvalidInputError('expectedVersion', 'must be an integer when given');
    }
    const actor = await this.jurisdiction.actorFor(user);
    if (event.type === 'EXTEND_DEADLINE') this.checkExtension(raw);
    if (FLOODABLE.has(event.type)) {
      // Only on a case the caller sees (404 otherwise), so nobody can spend another's quota.
      await this.queries.assertVisible(actor, id);
      await this.limiter.hit('caseEvents', id, `${event.type} on this case`);
    }
    const view = await this.sending.send({
      actor,
      disputeId: id,
      event: { ...event } as unknown as DomainEvent,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    });
    return this.shown(user, view, 'POST /disputes/:id/events');
  }

  /**
   * A deadline moves at most EXTEND_DEADLINE_MAX ahead of now (one month by default). An
   * extension `by` working time is held to as many working days as the maximum has days.
   */
  private checkExtension(body: { until?: unknown; by?: unknown }): void {
    const max = this.config.extendDeadlineMaxMs;
    const days = Math.round((max / DAY_MS) * 10) / 10;
    if (body.until !== undefined && body.by !== undefined) {
      throw new InvalidInputError('by', 'give until (a date) or by (working time), not both');
    }
    if (typeof body.by === 'string') {
      const span = parseWorkingSpan(body.by);
      const asDays = span ? (span.unit === 'WD' ? span.amount : span.amount / 7.5) : 0;
      if (asDays > days) {
        throw new InvalidInputError(
          'by',
          `may be at most ${days} working days (EXTEND_DEADLINE_MAX): extend again, with the parties' agreement, when it nears`,
        );
      }
      return;
    }
    const until = typeof body.until === 'string' ? Date.parse(body.until) : NaN;
    if (Number.isFinite(until) && until - Date.now() > max) {
      throw new InvalidInputError(
        'until',
        `may be at most ${days} days from now (EXTEND_DEADLINE_MAX): extend again, with the parties' agreement, when it nears`,
      );
    }
  }

  @Get(':id/allowed-events')
  @ApiOperation({
    operationId: 'getAllowedEvents',
    summary: 'What the caller may send now, and why the other events are refused',
    description:
      'Each refused event has a stable `code` and `params` beside `reason`; `reason` is in ' +
      'Chinese when `Accept-Language` prefers it (zh-CN), in English otherwise.',
  })
  @CaseId()
  @ApiOkResponse({ type: AllowedEventsResponse })
  @ApiErrors(400, 404)
  async allowed(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    // Read from the request, not @Headers: the header is optional and documented in words.
    @Req() request: { headers: Record<string, string | string[] | undefined> },
  ) {
    const answer = await this.queries.allowed(await this.jurisdiction.actorFor(user), id);
    // Each refused event's reason in the caller's language (English unless zh is preferred).
    if (languageOf(request.headers['accept-language']) === 'en') return answer;
    return {
      ...answer,
      events: answer.events.map((e) =>
        e.code === undefined ? e : { ...e, reason: refusalText(e.code, e.params ?? {}, 'zh') },
      ),
    };
  }

  @Get(':id/audit/verify')
  @ApiOperation({
    operationId: 'verifyDisputeAudit',
    summary: "Whether the case's hash-chained audit trail is intact",
  })
  @CaseId()
  @ApiOkResponse({ type: AuditVerificationResponse })
  @ApiErrors(400, 404)
  @Heavy('audit verify')
  async verify(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.queries.verify(await this.jurisdiction.actorFor(user), id);
  }

  @Get(':id/timers')
  @ApiOperation({
    operationId: 'listDisputeTimers',
    summary: "The case's timers: scheduled, fired and cancelled, soonest first",
    description: 'At most limit (default 500, max 1000) timers after offset.',
  })
  @CaseId()
  @ApiOkResponse({ type: [TimerResponse] })
  @ApiErrors(400, 404)
  async timers(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() page: TimersPageQuery,
  ) {
    return this.queries.timers(await this.jurisdiction.actorFor(user), id, page);
  }
}
