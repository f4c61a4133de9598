import {
  Controller,
  ForbiddenException,
  Get,
  Headers,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@tricolor/config';
import { Metrics, metricsAccess } from '@tricolor/core';
import { Public } from '../auth';
import { ApiErrors } from '../http';

interface TextResponse {
  setHeader(name: string, value: string): unknown;
  send(body: string): unknown;
}

/** Prometheus metrics, for a scraper holding METRICS_TOKEN (not a user's JWT). */
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  @Public()
  @Get()
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics (Bearer METRICS_TOKEN)', operationId: 'metrics' })
  @ApiResponse({
    status: 200,
    description: 'Prometheus text exposition format',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiErrors(
    [401, 'missing or wrong METRICS_TOKEN'],
    [403, 'METRICS_TOKEN is not set: metrics are switched off'],
  )
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: TextResponse,
  ): Promise<void> {
    const access = metricsAccess(this.config.metricsToken, authorization);
    if (access === 'disabled') {
      throw new ForbiddenException('metrics are switched off: set METRICS_TOKEN to enable them');
    }
    if (access === 'denied') {
      throw new UnauthorizedException('metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    const { contentType, body } = await this.metrics.render();
    res.setHeader('Content-Type', contentType);
    res.send(body);
  }
}
