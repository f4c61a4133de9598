import { sleep } from '../../support/wait';

export interface Load {
  /** Steps started so far. */
  readonly started: number;
  /** Steps that threw (a step records its own answers; throwing is for the unexpected). */
  readonly errors: string[];
  /** Stops starting steps and waits for the ones in flight. */
  stop(): Promise<void>;
}

/**
 * Starts `step` every `everyMs`, with at most `maxInFlight` running, until stopped: traffic that
 * goes on while a fault is injected.
 */
export function startLoad(
  step: (i: number) => Promise<void>,
  { everyMs, maxInFlight = 4 }: { everyMs: number; maxInFlight?: number },
): Load {
  let running = true;
  let started = 0;
  const errors: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    while (running) {
      if (inFlight.size < maxInFlight) {
        const p: Promise<void> = step(started++)
          .catch((error: Error) => void errors.push(error.message))
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await sleep(everyMs);
    }
  })();
  return {
    get started() {
      return started;
    },
    errors,
    async stop() {
      running = false;
      await loop;
      await Promise.all([...inFlight]);
    },
  };
}
