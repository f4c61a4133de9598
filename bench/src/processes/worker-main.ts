// The compiled timer worker (apps/worker/src/main.ts) as it is, plus the benchmark's IPC channel.
// A stop is the SIGTERM the worker handles itself (it finishes the job in hand, then exits).
import { listenToParent } from './child-control';
import '../../../apps/worker/src/main';

listenToParent(() => {
  process.kill(process.pid, 'SIGTERM');
  return Promise.resolve();
});
