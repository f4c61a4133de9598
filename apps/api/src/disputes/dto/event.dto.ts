import { PlainText } from '../../http/plain-text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  INSTITUTIONS,
  PERFORMANCE,
  type Institution,
  type Performance,
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

  @ApiPropertyOptional({ description: 'Refuse with 409 unless the case is at this version' })
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

export class AcceptDto extends EventBaseDto {
  @ApiProperty() @Text(64) officerId: string;
  @ApiProperty() @Text(64) lawyerId: string;
}

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
}

export class ReachAgreementDto extends EventBaseDto {
  @ApiProperty() @Text(20_000) terms: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  @BeforeLatestDate()
  performanceDueAt?: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  signedByPartyIds: string[];
}

export class ReasonDto extends WithReason {}

export class TransferDto extends WithReason {
  @ApiProperty() @Text(200) agency: string;
}

export class RecordRefusalDto extends EventBaseDto {
  @ApiProperty() @Text(64) partyId: string;
  @ApiProperty() @Text() note: string;
}

export class ExtendDeadlineDto extends WithReason {
  @ApiProperty() @IsISO8601({ strict: true }) @BeforeLatestDate() until: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  consentingPartyIds: string[];
}

export class NoPayloadDto extends EventBaseDto {}

export class RecordConfirmationDto extends EventBaseDto {
  @ApiProperty() @IsBoolean() confirmed: boolean;
  @ApiPropertyOptional() @IsOptional() @Text() note?: string;
}

export class RecordFollowUpDto extends EventBaseDto {
  @ApiProperty({ enum: PERFORMANCE }) @IsIn(PERFORMANCE) performed: Performance;
  @ApiPropertyOptional() @IsOptional() @Text() note?: string;
}

/** The body class for each event type a person may send. */
export const EVENT_DTOS: Record<HttpEventType, new () => EventBaseDto> = {
  ACCEPT: AcceptDto,
  CONVENE_PANEL: ConvenePanelDto,
  REACH_AGREEMENT: ReachAgreementDto,
  ESCALATE: ReasonDto,
  DOWNGRADE: ReasonDto,
  EMERGENCY_ESCALATE: ReasonDto,
  REFER_TO_LITIGATION: ReasonDto,
  WITHDRAW: ReasonDto,
  TRANSFER: TransferDto,
  RECORD_REFUSAL: RecordRefusalDto,
  EXTEND_DEADLINE: ExtendDeadlineDto,
  SUSPEND: ReasonDto,
  RESUME: NoPayloadDto,
  REQUEST_JUDICIAL_CONFIRMATION: NoPayloadDto,
  RECORD_CONFIRMATION: RecordConfirmationDto,
  RECORD_FOLLOW_UP: RecordFollowUpDto,
};
