import { Injectable } from '@nestjs/common';
import type { TimerChanges } from './timer-rows';

/**
 * Turns committed timer rows into queue wake-up calls. The rows are the record; until the queue
 * is wired in, nothing wakes up early and the database still says what is due.
 */
@Injectable()
export class TimerWakeUps {
  afterCommit(_disputeId: string, _changes: TimerChanges): void {
    // The BullMQ scheduler replaces this (issue 4).
  }
}
