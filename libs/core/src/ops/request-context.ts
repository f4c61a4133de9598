import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of one request or one timer job carries (ids only, never names). */
export interface LogContext {
  requestId?: string;
  userId?: string;
  caseId?: string;
  jobId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with its own log context; nested calls see and extend the outer one. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

/** Adds ids to the current context once they are known (the user after authentication). */
export function addToLogContext(context: LogContext): void {
  const store = storage.getStore();
  if (store) Object.assign(store, context);
}

export const currentLogContext = (): LogContext | undefined => storage.getStore();
