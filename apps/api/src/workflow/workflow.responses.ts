import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Integer } from '../http/schema-kit';

@ApiSchema({ name: 'RiskIndicator', description: 'One line of the intake checklist' })
export class RiskIndicatorResponse {
  @ApiProperty({ example: 'threat_of_violence', description: 'Send it in riskIndicators' })
  code: string;

  @ApiProperty({ example: 'threat of violence' })
  label: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ minimum: 0 })
  weight: number;
}

@ApiSchema({
  name: 'Workflow',
  description: 'The statechart as data and as a Mermaid diagram, with its timers and checklist',
})
export class WorkflowResponse {
  @ApiProperty({ example: 'dispute' })
  id: string;

  @Integer('Raised with every change to the statechart', 1)
  version: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'States, transitions, guards and timers as JSON (docs/statechart.md)',
  })
  statechart: Record<string, unknown>;

  @ApiProperty({ description: 'The same statechart as a Mermaid stateDiagram' })
  mermaid: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'object', additionalProperties: true } },
    description: "Each timed state's timers: kind, setting, event fired, reminder",
  })
  timers: Record<string, unknown[]>;

  @ApiProperty({ type: [RiskIndicatorResponse], description: 'The default intake checklist' })
  riskIndicators: RiskIndicatorResponse[];
}
