import { JOB_NAMES, type JobName } from '@tricolor/core';
import type { JobProcessor } from './jobs/job-processor';
import { indexProcessors } from './timer-worker';

const processor = (name: JobName): JobProcessor => ({ name, process: () => Promise.resolve(null) });

describe('the worker boot check', () => {
  it('accepts exactly one processor per job name', () => {
    const index = indexProcessors(JOB_NAMES.map(processor));
    expect([...index.keys()].sort()).toEqual([...JOB_NAMES].sort());
  });

  it('refuses to boot when a job has no processor, naming it', () => {
    const some = JOB_NAMES.filter((n) => n !== 'reminder').map(processor);
    expect(() => indexProcessors(some)).toThrow('no processor for job(s): reminder');
  });

  it('refuses to boot when a job has two processors', () => {
    expect(() => indexProcessors([...JOB_NAMES.map(processor), processor('deadline')])).toThrow(
      'job "deadline" has two processors',
    );
  });
});

describe('the worker boot check, for what a processor does', () => {
  it('refuses a processor that neither reacts to timers nor processes jobs', () => {
    const named = JOB_NAMES.map((name): JobProcessor => ({
      name,
      process: () => Promise.resolve(null),
    }));
    const idle = named.map((p) => (p.name === 'reminder' ? { name: p.name } : p));
    expect(() => indexProcessors(idle)).toThrow('processor(s) that do nothing: reminder');
  });
});
