import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DEFAULT_INDICATORS,
  MACHINE_ID,
  MACHINE_VERSION,
  STATE_TIMERS,
  disputeMachine,
  toMermaid,
  toStatechartJson,
} from '@tricolor/workflow';
import { Public } from '../auth';

/** The statechart as data and as a Mermaid diagram, built once from the machine itself. */
@ApiTags('workflow')
@Controller('workflow')
export class WorkflowController {
  private readonly description = {
    id: MACHINE_ID,
    version: MACHINE_VERSION,
    statechart: toStatechartJson(disputeMachine, { version: String(MACHINE_VERSION) }),
    mermaid: toMermaid(disputeMachine),
    timers: STATE_TIMERS,
    riskIndicators: DEFAULT_INDICATORS,
  };

  @Public()
  @Get()
  get() {
    return this.description;
  }
}
