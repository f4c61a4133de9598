import { PlainText } from '../../http/plain-text';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AGREEMENT_FORMS,
  CONFIRMATION_RESULTS,
  CONSENT_FORMS,
  INSTITUTIONS,
  NON_PERFORMANCE_PATHS,
  NOTICE_FORMS,
  OTHER_ROUTES,
  PERFORMANCE,
  POLICE_RISKS,
  WITHDRAWAL_GROUNDS,
  type AgreementForm,
  type ConfirmationResult,
  type ConsentForm,
  type Institution,
  type NonPerformancePath,
  type NoticeForm,
  type OtherRoute,
  type Performance,
  type PoliceRisk,
  type WithdrawalGround,
} from '../../../../../libs/workflow/src/domain';
import {
  EVENT_TYPES,
  SYSTEM_EVENTS,
  type EventType,
} from '../../../../../libs/workflow/src/events';

/** Events a person may send over HTTP; timer events are the system's alone. */
export type HttpEventType = Exclude<EventType, 'DEADLINE_EXPIRED' | 'FOLLOW_UP_DUE'>;
export const HTTP_EVENT_TYPES = EVENT_TYPES.filter(
  (t): t is HttpEventType => !SYSTEM_EVENTS.includes(t),
);

/** Fields every event body may carry beside its payload. */
export class EventBaseDto {
  @ApiProperty({ enum: HTTP_EVENT_TYPES })
  @IsIn(HTTP_EVENT_TYPES, { message: `type must be one of: ${HTTP_EVENT_TYPES.join(', ')}` })
  type: EventType;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'Refuse with 409 unless the case is at this version (optimistic concurrency)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/**
 * Dates a person sends must leave room for the timers computed from them: a follow-up due after
 * year 9999 cannot be stored (SQLite keeps four-digit years and read one back as year 0000).
 */
export const LATEST_DATE = '9000-01-01T00:00:00.000Z';
const BeforeLatestDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'beforeLatestDate',
    validator: {
      // Non-dates are left to IsISO8601, which reports them.
      validate: (value: unknown) =>
        typeof value !== 'string' ||
        Number.isNaN(Date.parse(value)) ||
        Date.parse(value) < Date.parse(LATEST_DATE),
      defaultMessage: (args) => `${args?.property ?? 'date'} must be before ${LATEST_DATE}`,
    },
  });

const text = (max: number) => [IsString(), IsNotEmpty(), MaxLength(max), PlainText()];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };
const Text = (max = 2000) => apply(...text(max));

class WithReason extends EventBaseDto {
  @ApiProperty()
  @Text()
  reason: string;
}

/** Optional party ids, for the consent recorded by the receiving body (PML Art. 17). */
const PartyIds = () => apply(IsOptional(), IsArray(), ArrayMaxSize(200), IsString({ each: true }));

const NOTICE_HOW_DOC = {
  enum: NOTICE_FORMS,
  description: 'How the notice was given (default oral): 2002 rules Art. 30, PML Art. 26',
};

export class AcceptDto extends EventBaseDto {
  @ApiProperty() @Text(64) officerId: string;
  @ApiProperty() @Text(64) lawyerId: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Parties who consented to this body; the others are recorded as not objecting',
  })
  @PartyIds()
  consentingPartyIds?: string[];

  @ApiPropertyOptional(NOTICE_HOW_DOC)
  @IsOptional()
  @IsIn(NOTICE_FORMS)
  rightsNoticeHow?: NoticeForm;
}

@ApiSchema({ name: 'PanelMemberInput' })
export class PanelMemberDto {
  @ApiProperty() @Text(64) userId: string;
  @ApiProperty({ enum: INSTITUTIONS }) @IsIn(INSTITUTIONS) institution: Institution;
}

export class ConvenePanelDto extends EventBaseDto {
  @ApiProperty({ type: [PanelMemberDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  // ValidateNested alone lets an empty array through as an item: `[[]]` passed.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PanelMemberDto)
  members: PanelMemberDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Parties who consented to the panel; the others are recorded as not objecting',
  })
  @PartyIds()
  consentingPartyIds?: string[];

  @ApiPropertyOptional(NOTICE_HOW_DOC)
  @IsOptional()
  @IsIn(NOTICE_FORMS)
  rightsNoticeHow?: NoticeForm;
}

export class ReachAgreementDto extends EventBaseDto {
  @ApiProperty() @Text(20_000) terms: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  @BeforeLatestDate()
  performanceDueAt?: string;

  @ApiProperty({
    type: [String],
    description:
      'Who signed: party ids, or a party’s guardian or agent (`p2-g`, `p2-a`), who signs for them; a minor or incapacitated party is signed for by their guardian (PML Art. 29, 民法典 Art. 23)',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  signedByPartyIds: string[];

  @ApiPropertyOptional({ enum: AGREEMENT_FORMS, description: 'PML Art. 28 (default written)' })
  @IsOptional()
  @IsIn(AGREEMENT_FORMS)
  form?: AgreementForm;

  @ApiPropertyOptional({ description: 'The people’s mediation committee (default the case’s)' })
  @IsOptional()
  @Text(200)
  organisation?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Mediators who sign it (default the sender)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  mediatorIds?: string[];

  @ApiPropertyOptional({ description: 'Art. 29: the facts' })
  @IsOptional()
  @Text(20_000)
  facts?: string;

  @ApiPropertyOptional({ description: 'Art. 29: the issues in dispute' })
  @IsOptional()
  @Text(20_000)
  issues?: string;

  @ApiPropertyOptional({
    description:
      'Art. 29: the committee’s seal is applied (a written agreement takes effect only with it)',
  })
  @IsOptional()
  @IsBoolean()
  sealed?: boolean;
}

export class ReasonDto extends WithReason {}

/** A closure without agreement: how the Art. 26 notice was given (the sender gave it). */
export class ClosingReasonDto extends WithReason {
  @ApiPropertyOptional(NOTICE_HOW_DOC)
  @IsOptional()
  @IsIn(NOTICE_FORMS)
  noticeHow?: NoticeForm;
}

/** WITHDRAW: a party ended mediation, or the parties settled by themselves (PML Art. 23). */
export class WithdrawDto extends ClosingReasonDto {
  @ApiPropertyOptional({
    enum: WITHDRAWAL_GROUNDS,
    description:
      'party_ended (default) closes the case withdrawn; settled_by_parties (自行和解) closes it settled_by_parties, with no Art. 26 notice. After an agreement took effect, a withdrawal is non-performance (→ followUp) and settled_by_parties is refused',
  })
  @IsOptional()
  @IsIn(WITHDRAWAL_GROUNDS)
  ground?: WithdrawalGround;
}

export class TransferDto extends ClosingReasonDto {
  @ApiProperty() @Text(200) agency: string;
}

export class RecordRefusalDto extends EventBaseDto {
  @ApiProperty() @Text(64) partyId: string;
  @ApiProperty() @Text() note: string;

  @ApiPropertyOptional(NOTICE_HOW_DOC)
  @IsOptional()
  @IsIn(NOTICE_FORMS)
  noticeHow?: NoticeForm;
}

/** PML Art. 17, 2002 rules Art. 30: consent and the rights notice, recorded by the handler. */
export class RecordConsentDto extends EventBaseDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  partyIds: string[];

  @ApiProperty({ enum: CONSENT_FORMS }) @IsIn(CONSENT_FORMS) form: ConsentForm;

  @ApiPropertyOptional(NOTICE_HOW_DOC)
  @IsOptional()
  @IsIn(NOTICE_FORMS)
  rightsNoticeHow?: NoticeForm;
}

/** PML Art. 3(3): the parties leave mediation for arbitration, administrative channels or court. */
export class ChooseOtherRouteDto extends ClosingReasonDto {
  @ApiProperty({ enum: OTHER_ROUTES }) @IsIn(OTHER_ROUTES) route: OtherRoute;
}

/** PML Arts. 19, 23: a mediator replaced at a party's request, or recused. */
export class ReplaceMediatorDto extends WithReason {
  @ApiProperty() @Text(64) replacedUserId: string;
  @ApiProperty() @Text(64) replacementUserId: string;
  @ApiPropertyOptional({ description: 'The party who asked for it' })
  @IsOptional()
  @Text(64)
  requestedByPartyId?: string;
}

/** PML Art. 25: a dispute at risk of violence, self-harm or turning criminal; the case stays open. */
export class ReportToPoliceDto extends WithReason {
  @ApiProperty({ enum: POLICE_RISKS }) @IsIn(POLICE_RISKS) risk: PoliceRisk;
  @ApiPropertyOptional({ description: 'The police station told' })
  @IsOptional()
  @Text(200)
  station?: string;
}

export class ExtendDeadlineDto extends WithReason {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The new deadline. Give this or `by`, not both.',
  })
  @ValidateIf((o: { by?: unknown }) => o.by === undefined)
  @IsISO8601({ strict: true })
  @BeforeLatestDate()
  until?: string;

  @ApiPropertyOptional({
    example: '3WD',
    pattern: '^\\d{1,3}(\\.\\d+)?(WD|WH)$',
    description:
      'Working time added to the current deadline (or to now, if it has passed): working ' +
      'days `3WD` or working hours `4WH`, on the business calendar. Give this or `until`.',
  })
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d+)?(WD|WH)$/, {
    message: 'by must be working time: working days (3WD) or working hours (4WH)',
  })
  by?: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  consentingPartyIds: string[];
}

export class NoPayloadDto extends EventBaseDto {}

/** PML Art. 33; CPL Art. 205: the joint application, and the court it goes to. */
export class RequestConfirmationDto extends EventBaseDto {
  @ApiPropertyOptional({ description: 'The court applied to' })
  @IsOptional()
  @Text(200)
  court?: string;

  @ApiPropertyOptional({ type: [String], description: 'Every party: the application is joint' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  applicantPartyIds?: string[];
}

export class RecordConfirmationDto extends EventBaseDto {
  @ApiPropertyOptional({ description: 'Required unless result is given' })
  @ValidateIf((o: { result?: unknown }) => o.result === undefined)
  @IsBoolean()
  confirmed?: boolean;

  @ApiPropertyOptional({
    enum: CONFIRMATION_RESULTS,
    description: 'CPL Art. 206: the court’s answer',
  })
  @IsOptional()
  @IsIn(CONFIRMATION_RESULTS)
  result?: ConfirmationResult;

  @ApiPropertyOptional() @IsOptional() @Text(200) court?: string;

  @ApiPropertyOptional({ description: 'The ruling’s number; required when confirmed' })
  @IsOptional()
  @Text(100)
  rulingNumber?: string;

  @ApiPropertyOptional() @IsOptional() @Text() note?: string;
}

export class RecordFollowUpDto extends EventBaseDto {
  @ApiProperty({ enum: PERFORMANCE }) @IsIn(PERFORMANCE) performed: Performance;
  @ApiPropertyOptional() @IsOptional() @Text() note?: string;

  @ApiPropertyOptional({
    enum: NON_PERFORMANCE_PATHS,
    description: 'PML Art. 32: urge performance, or tell the parties they may sue',
  })
  @IsOptional()
  @IsIn(NON_PERFORMANCE_PATHS)
  next?: NonPerformancePath;
}

/** The body class for each event type a person may send. */
export const EVENT_DTOS: Record<HttpEventType, new () => EventBaseDto> = {
  ACCEPT: AcceptDto,
  CONVENE_PANEL: ConvenePanelDto,
  REACH_AGREEMENT: ReachAgreementDto,
  ESCALATE: ReasonDto,
  DOWNGRADE: ReasonDto,
  EMERGENCY_ESCALATE: ReasonDto,
  REFER_TO_LITIGATION: ClosingReasonDto,
  WITHDRAW: WithdrawDto,
  TRANSFER: TransferDto,
  RECORD_REFUSAL: RecordRefusalDto,
  EXTEND_DEADLINE: ExtendDeadlineDto,
  SUSPEND: ReasonDto,
  RESUME: NoPayloadDto,
  REQUEST_JUDICIAL_CONFIRMATION: RequestConfirmationDto,
  RECORD_CONFIRMATION: RecordConfirmationDto,
  RECORD_FOLLOW_UP: RecordFollowUpDto,
  RECORD_CONSENT: RecordConsentDto,
  CHOOSE_OTHER_ROUTE: ChooseOtherRouteDto,
  REPORT_TO_POLICE: ReportToPoliceDto,
  REPLACE_MEDIATOR: ReplaceMediatorDto,
};
