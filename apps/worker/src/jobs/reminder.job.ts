import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Notifier, TimerFiring, type TimerJobData } from '@tricolor/core';
import type { JobProcessor } from './job-processor';
import { settle } from './fire-or-wait';

/** At REMINDER_RATIO of a deadline: whoever must act next is reminded when it falls due. */
@Injectable()
export class ReminderJob implements JobProcessor {
  readonly name = 'reminder' as const;

  constructor(
    private readonly firing: TimerFiring,
    private readonly notifier: Notifier,
  ) {}

  async process(job: Job<TimerJobData>, token: string | undefined) {
    const outcome = await this.firing.fire(
      job.data.timerId,
      async ({ m, dispute, timerId, now }) => {
        const timers = dispute.snapshot.context.timers;
        const reminder = timers.find((t) => t.id === timerId);
        const deadline = timers.find((t) => t.id === reminder?.remindsOf);
        if (deadline)
          await this.notifier.reminder(m, dispute, deadline.kind, new Date(deadline.dueAt), now);
        return null;
      },
    );
    return settle(job, token, outcome);
  }
}
