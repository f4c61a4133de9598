/**
 * Lets every request that is waiting run before the caller goes on: a heavy read walking many
 * rows awaits this between pages, so no single stretch of it holds the event loop for long
 * (issue 9, finding 6). A microtask would not do: it runs before any I/O callback.
 */
export const yieldToOthers = (): Promise<void> =>
  new Promise<void>((resolve) => setImmediate(resolve));
