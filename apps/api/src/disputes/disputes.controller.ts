import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { DomainEvent } from '@tricolor/workflow';
import { CurrentUser, type AuthUser } from '../auth';
import {
  DisputeQueriesService,
  InvalidInputError,
  OpenDisputeService,
  SendEventService,
} from '@tricolor/core';
import { JurisdictionService } from '@tricolor/core';
import { EventBaseDto } from './dto/event.dto';
import { DisputeListResponse } from './dto/dispute-list.response';
import { ListDisputesQuery } from './dto/list-disputes.query';
import { OpenDisputeDto } from './dto/open-dispute.dto';
import { EventBodyPipe } from './event-body.pipe';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.-]{1,128}$/;

@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes')
export class DisputesController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly opening: OpenDisputeService,
    private readonly sending: SendEventService,
    private readonly queries: DisputeQueriesService,
  ) {}

  @Post()
  async open(@CurrentUser() user: AuthUser, @Body() body: OpenDisputeDto) {
    return this.opening.open(await this.jurisdiction.actorFor(user), body);
  }

  @Get()
  @ApiOperation({
    summary: 'The cases the caller may see, newest first, filtered and paged',
    description:
      'Page with page (1, 2, …) or, for walking a long list, with after (the nextCursor of the ' +
      'previous page), which stays fast at any depth. total is exact up to 10,000 matches ' +
      '(1,000 with text); beyond that it is the cap, with totalIsExact false (docs/api.md).',
  })
  @ApiOkResponse({ type: DisputeListResponse })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListDisputesQuery) {
    return this.queries.list(await this.jurisdiction.actorFor(user), query);
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.queries.get(await this.jurisdiction.actorFor(user), id);
  }

  @Get(':id/events')
  async events(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.queries.events(await this.jurisdiction.actorFor(user), id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiBody({
    type: EventBaseDto,
    description: 'type, expectedVersion and the payload of DESIGN.md §3',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
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
    return this.sending.send({
      actor: await this.jurisdiction.actorFor(user),
      disputeId: id,
      event: { ...event } as unknown as DomainEvent,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    });
  }

  @Get(':id/allowed-events')
  async allowed(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.queries.allowed(await this.jurisdiction.actorFor(user), id);
  }

  @Get(':id/audit/verify')
  async verify(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.queries.verify(await this.jurisdiction.actorFor(user), id);
  }

  @Get(':id/timers')
  async timers(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.queries.timers(await this.jurisdiction.actorFor(user), id);
  }
}
