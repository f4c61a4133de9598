import { Injectable, Logger } from '@nestjs/common';
import { AgendaService } from '@tricolor/core';
import type { JobProcessor } from './job-processor';

/** Wednesdays 08:00 Asia/Shanghai (AGENDA_CRON, AGENDA_TZ): every community's and street's agenda. */
@Injectable()
export class AgendaJob implements JobProcessor {
  readonly name = 'agenda' as const;
  private readonly log = new Logger(AgendaJob.name);

  constructor(private readonly agendas: AgendaService) {}

  async process(): Promise<unknown> {
    const built = await this.agendas.buildAll();
    this.log.log(`built ${built.length} joint-meeting agendas`);
    return { agendas: built.length };
  }
}
