import type { StateValue } from 'xstate';
import type { DisputeContext } from './context';

/** A case's workflow state as stored: tagged with the machine id and version it was made by. */
export interface PersistedWorkflow {
  machineId: string;
  machineVersion: number;
  value: StateValue;
  context: DisputeContext;
}
