import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Notifier, TimerFiring, type TimerJobData } from '@tricolor/core';
import type { JobProcessor } from './job-processor';
import { settle } from './fire-or-wait';

/** The Art. 33 judicial-confirmation window has closed: the handler is told. */
@Injectable()
export class ConfirmationWindowJob implements JobProcessor {
  readonly name = 'confirmation_window' as const;

  constructor(
    private readonly firing: TimerFiring,
    private readonly notifier: Notifier,
  ) {}

  async process(job: Job<TimerJobData>, token: string | undefined) {
    const outcome = await this.firing.fire(job.data.timerId, async ({ m, dispute, now }) => {
      await this.notifier.confirmationWindow(m, dispute, false, now);
      return null;
    });
    return settle(job, token, outcome);
  }
}

/** Day 25 of 30: the handler is reminded that the window is about to close. */
@Injectable()
export class ConfirmationReminderJob implements JobProcessor {
  readonly name = 'confirmation_reminder' as const;

  constructor(
    private readonly firing: TimerFiring,
    private readonly notifier: Notifier,
  ) {}

  async process(job: Job<TimerJobData>, token: string | undefined) {
    const outcome = await this.firing.fire(job.data.timerId, async ({ m, dispute, now }) => {
      await this.notifier.confirmationWindow(m, dispute, true, now);
      return null;
    });
    return settle(job, token, outcome);
  }
}
