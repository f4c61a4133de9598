import { PlainText } from '../../http/plain-text';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DEFAULT_INDICATORS } from '@tricolor/workflow';
import {
  CASE_SOURCES,
  CONSENT_FORMS,
  MEDIATION_TYPES,
  NOTICE_FORMS,
  PARTY_CAPACITIES,
  PARTY_ROLES,
  REPRESENTATIVE_KINDS,
  SCREENING_GROUNDS,
  TIERS,
  type CaseSource,
  type ConsentForm,
  type MediationType,
  type NoticeForm,
  type PartyCapacity,
  type PartyRole,
  type RepresentativeKind,
  type ScreeningGround,
  type Tier,
} from '../../../../../libs/workflow/src/domain';

/** The checklist's codes: a deployment may change their weights, never the codes. */
export const RISK_INDICATOR_CODES = DEFAULT_INDICATORS.map((indicator) => indicator.code);

/** The largest amount numeric(14,2) holds. */
export const MAX_AMOUNT = 999_999_999_999.99;

/** A guardian (监护人) or agent (代理人) for a party. */
@ApiSchema({ name: 'RepresentativeInput' })
export class RepresentativeDto {
  @ApiProperty({ example: '李伟', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @PlainText()
  name: string;

  @ApiProperty({ enum: REPRESENTATIVE_KINDS })
  @IsIn(REPRESENTATIVE_KINDS)
  kind: RepresentativeKind;

  @ApiPropertyOptional({ example: '父亲', maxLength: 50, description: 'Relation to the party' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @PlainText()
  relation?: string;
}

@ApiSchema({ name: 'PartyInput' })
export class PartyDto {
  @ApiProperty({ example: '张三', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @PlainText()
  name: string;

  @ApiProperty({ enum: PARTY_ROLES })
  @IsIn(PARTY_ROLES)
  role: PartyRole;

  @ApiPropertyOptional({ example: '13800138000', pattern: '^[0-9+\\- ]{5,20}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({
    example: '370202199001011234',
    pattern: '^[0-9]{17}[0-9Xx]$',
    description: 'An 18-character resident ID number',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{17}[0-9Xx]$/, { message: 'idNumber must be an 18-character resident ID number' })
  idNumber?: string;

  @ApiPropertyOptional({
    enum: CONSENT_FORMS,
    description:
      'PML Art. 17: how this party came to mediation (default no_objection; application for an applicant when source is party_application)',
  })
  @IsOptional()
  @IsIn(CONSENT_FORMS)
  consent?: ConsentForm;

  @ApiPropertyOptional({
    enum: PARTY_CAPACITIES,
    description:
      '民法典 Arts. 19–24 (default full): a minor or incapacitated party must have a guardian as representative',
  })
  @IsOptional()
  @IsIn(PARTY_CAPACITIES)
  capacity?: PartyCapacity;

  @ApiPropertyOptional({
    type: RepresentativeDto,
    description:
      'PML Art. 23: the guardian (minors and incapacitated parties only) or agent who acts and signs for the party; the case names them `p<n>-g` / `p<n>-a` beside the party `p<n>`',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RepresentativeDto)
  representative?: RepresentativeDto;
}

/** 2002 rules Arts. 22, 24: the dispute is not accepted; the parties are told where to go. */
export class NotAcceptedDto {
  @ApiProperty({ enum: SCREENING_GROUNDS })
  @IsIn(SCREENING_GROUNDS)
  ground: ScreeningGround;

  @ApiProperty({ description: 'The body the parties are told to go to', example: '崂山区人民法院' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  referredTo: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    enum: NOTICE_FORMS,
    description: 'How the parties were told (default oral)',
  })
  @IsOptional()
  @IsIn(NOTICE_FORMS)
  noticeHow?: NoticeForm;
}

/** A point in WGS 84 degrees, from the phone's GPS or picked on the map. */
@ApiSchema({ name: 'Location' })
export class LocationDto {
  @ApiProperty({ example: 120.3826, minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon: number;

  @ApiProperty({ example: 36.0671, minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;
}

@ApiSchema({ name: 'OpenDispute' })
export class OpenDisputeDto {
  @ApiProperty({ example: 'Noise from the flat upstairs', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @PlainText()
  title: string;

  @ApiProperty({ minLength: 1, maxLength: 10_000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  @PlainText()
  description: string;

  @ApiProperty({ example: 'neighbour', minLength: 1, maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  @PlainText()
  category: string;

  @ApiProperty({ example: 'G-001', minLength: 1, maxLength: 50, description: 'The grid' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  gridCode: string;

  @ApiProperty({ type: [PartyDto], minItems: 2, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(2, { message: 'parties must name at least two parties' })
  @ArrayMaxSize(200)
  // ValidateNested alone lets an empty array through as an item: `[[], []]` passed.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties: PartyDto[];

  @ApiPropertyOptional({ description: 'Amount at stake, in yuan', minimum: 0, maximum: MAX_AMOUNT })
  @IsOptional()
  // At most cents, on both databases alike (SQLite kept more, PostgreSQL rounded).
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    { message: 'amount must be a number with at most 2 decimal places' },
  )
  @Min(0)
  // The column is numeric(14,2): PostgreSQL refuses more, SQLite would keep it inexactly.
  @Max(MAX_AMOUNT, { message: `amount must not be greater than ${MAX_AMOUNT}` })
  amount?: number;

  @ApiProperty({
    type: String,
    isArray: true,
    enum: RISK_INDICATOR_CODES,
    enumName: 'RiskIndicatorCode',
    maxItems: 100,
    example: ['threat_of_violence'],
    description: 'The checklist items that apply (GET /workflow lists them with their weights)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  riskIndicators: string[];

  @ApiPropertyOptional({ enum: TIERS })
  @IsOptional()
  @IsIn(TIERS)
  requestedTier?: Tier;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Required when requestedTier is below the suggestion',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  tierReason?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A closed case this one follows on from' })
  @IsOptional()
  @IsUUID()
  linkedCaseId?: string;

  @ApiPropertyOptional({ type: LocationDto, description: 'Where the case is (WGS 84)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({
    enum: CASE_SOURCES,
    description: 'PML Art. 18: where the case came from (default grid_worker)',
  })
  @IsOptional()
  @IsIn(CASE_SOURCES)
  source?: CaseSource;

  @ApiPropertyOptional({
    enum: NOTICE_FORMS,
    description: '2002 rules Art. 30: how the opener told the parties their rights (default oral)',
  })
  @IsOptional()
  @IsIn(NOTICE_FORMS)
  rightsNoticeHow?: NoticeForm;

  @ApiPropertyOptional({
    enum: MEDIATION_TYPES,
    description:
      'people (人民调解), police (治安调解) or court (诉前/法院调解): which body counts the case (default people)',
  })
  @IsOptional()
  @IsIn(MEDIATION_TYPES)
  mediationType?: MediationType;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'PML Art. 23: mediated not in public at a party’s request (default false); the weekly agenda then shows no title or reason',
  })
  @IsOptional()
  @IsBoolean()
  private?: boolean;

  @ApiPropertyOptional({
    type: NotAcceptedDto,
    description: 'Screening did not accept the dispute: the case is recorded closed, not_accepted',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotAcceptedDto)
  notAccepted?: NotAcceptedDto;
}
