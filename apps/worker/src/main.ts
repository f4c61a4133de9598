import { Logger } from '@nestjs/common';

// The timer worker's own entry point. Until BullMQ is wired in, timers live only as database
// rows (GET /disputes/:id/timers); this process exists so deployments can already name it.
new Logger('TricolorWorker').warn('the timer worker is not wired to BullMQ yet: nothing to run');
