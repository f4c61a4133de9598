import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorkflowResponse } from './workflow.responses';
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
  @ApiOperation({
    operationId: 'getWorkflow',
    summary: 'The statechart as JSON and as a Mermaid diagram, with its timers and checklist',
  })
  @ApiOkResponse({ type: WorkflowResponse })
  get() {
    return this.description;
  }
}
