import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { JurisdictionService, NextSteps, type NextView } from '@tricolor/core';
import type { Lang } from '@tricolor/workflow';
import { IsIn, IsOptional } from 'class-validator';
import { ApiErrors } from '../http/api-errors.decorator';
import { CurrentUser, type AuthUser } from '../auth';

export class NextQuery {
  @ApiPropertyOptional({ enum: ['zh', 'en'], description: 'Overrides Accept-Language' })
  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'lang must be zh or en' })
  lang?: Lang;
}

export class NextStepResponse {
  @ApiProperty({ type: String, nullable: true }) timerId: string | null;
  @ApiProperty({ enum: ['deadline', 'follow_up', 'confirmation_window', 'state'] }) kind: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dueAt: string | null;
  @ApiProperty({
    example: '若在 12月8日（周二）17:30 前未达成协议，案件将自动升级为黄色，由司法所会同律师会诊',
  })
  text: string;
}

export class NextResponse {
  @ApiProperty() disputeId: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: ['zh', 'en'] }) lang: Lang;
  @ApiProperty({ type: [NextStepResponse] }) steps: NextStepResponse[];
}

/** The first language of Accept-Language we speak; Chinese unless English comes first. */
export function langOf(header: string | undefined): Lang {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}

@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes')
export class NextController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly next: NextSteps,
  ) {}

  @Get(':id/next')
  @ApiOperation({
    summary: 'What happens next to the case, in plain words (Chinese or English)',
    description:
      'Generated from the statechart and the timers armed now: each deadline with what the ' +
      'workflow does when it passes. Times are Beijing time.',
    operationId: 'getDisputeNext',
  })
  @ApiHeader({ name: 'Accept-Language', required: false, example: 'zh-CN' })
  @ApiOkResponse({ type: NextResponse })
  @ApiErrors([400, 'A bad lang'], 401, 404)
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: NextQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<NextView> {
    return this.next.of(
      await this.jurisdiction.actorFor(user),
      id,
      query.lang ?? langOf(acceptLanguage),
    );
  }
}
