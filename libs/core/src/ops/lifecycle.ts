import { Injectable } from '@nestjs/common';

/** Whether the process is draining (SIGTERM received): /health/ready answers 503 meanwhile. */
@Injectable()
export class Lifecycle {
  private drainingSince: Date | undefined;

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  startDraining(now = new Date()): void {
    this.drainingSince ??= now;
  }
}
