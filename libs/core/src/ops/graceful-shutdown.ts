import type { Lifecycle } from './lifecycle';

export interface ShutdownLog {
  info(message: string): void;
  error(message: string): void;
}

export interface GracefulShutdownOptions {
  /** SHUTDOWN_TIMEOUT: the process exits by then, whatever it is still waiting for. */
  timeoutMs: number;
  /** SHUTDOWN_DRAIN: /health/ready answers 503 this long before the server stops. */
  drainMs: number;
  log: ShutdownLog;
  exit?: (code: number) => void;
}

interface Closable {
  close(): Promise<void>;
}

/**
 * SIGTERM / SIGINT: mark the process draining, wait SHUTDOWN_DRAIN so load balancers notice the
 * failing readiness, close the application (the worker finishes the job in hand), then exit.
 * A hard timer exits after SHUTDOWN_TIMEOUT even if closing hangs on an unreachable Redis or
 * database (ioredis and the pg pool retry for ever otherwise). A second signal exits at once.
 *
 * Installed before the application is created, so a signal during a hung boot also ends it.
 */
export class GracefulShutdown {
  private app: Closable | undefined;
  private lifecycle: Lifecycle | undefined;
  private stopping = false;
  private readonly exit: (code: number) => void;

  constructor(private readonly options: GracefulShutdownOptions) {
    this.exit = options.exit ?? ((code) => process.exit(code));
  }

  install(signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): this {
    for (const signal of signals) process.on(signal, () => void this.shutdown(signal));
    return this;
  }

  /** The application to close, once it exists. */
  attach(app: Closable, lifecycle: Lifecycle): void {
    this.app = app;
    this.lifecycle = lifecycle;
  }

  async shutdown(reason: string): Promise<void> {
    const { log, timeoutMs, drainMs } = this.options;
    if (this.stopping) {
      log.error(`${reason} again while stopping: exiting now`);
      this.exit(1);
      return;
    }
    this.stopping = true;
    log.info(`${reason}: draining, exiting within ${timeoutMs} ms`);
    // Not unref'd: this timer is what guarantees the exit.
    setTimeout(() => {
      log.error(`shutdown took longer than ${timeoutMs} ms: exiting anyway`);
      this.exit(1);
    }, timeoutMs);
    try {
      if (this.app) {
        this.lifecycle?.startDraining();
        await new Promise((resolve) => setTimeout(resolve, drainMs));
        await this.app.close();
      }
      log.info('stopped');
      this.exit(0);
    } catch (error) {
      log.error(`shutdown failed: ${(error as Error).message}`);
      this.exit(1);
    }
  }
}
