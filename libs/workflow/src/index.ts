export * from './domain';
export * from './context';
export * from './events';
export * from './timers';
export { disputeMachine, MACHINE_ID, MACHINE_VERSION, type DisputeMachine } from './machine';
export { RULES, ruleRefusal, whoRefusal, type Refusal } from './rules';
export { handlerRefusal, isHandler, isStreetSupervisor } from './access';
export { statusOf } from './status';
export * from './engine';
