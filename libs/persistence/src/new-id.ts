import { randomUUID } from 'node:crypto';

/** Primary keys are made in code, so a row's id is known before it is written. */
export const newId = (): string => randomUUID();
