// One user hammering: CONCURRENCY loops, each sending the next request of REQUESTS as soon as
// the last answered, for DURATION_MS. Runs in its own process so that reading the answers does
// not slow the test process that measures someone else's latency. Prints a JSON summary.
const base = process.env.BASE_URL;
const token = process.env.TOKEN;
const requests = JSON.parse(process.env.REQUESTS ?? '[]');
const concurrency = Number(process.env.CONCURRENCY ?? '8');
let until = Date.now() + Number(process.env.DURATION_MS ?? '10000');
// The test sends SIGUSR2 when it has measured enough: finish the requests in flight, report.
process.on('SIGUSR2', () => (until = 0));
const statuses = {};
const busyMs = {};

async function loop(offset) {
  for (let i = offset; Date.now() < until; i++) {
    const { method = 'GET', path, body } = requests[i % requests.length];
    const started = Date.now();
    try {
      const res = await fetch(base + path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      await res.arrayBuffer();
      const key = `${method} ${path.split('?')[0]} ${res.status}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (res.status !== 429) busyMs[path] = (busyMs[path] ?? 0) + Date.now() - started;
    } catch (error) {
      statuses[`error ${error.message}`] = (statuses[`error ${error.message}`] ?? 0) + 1;
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
// The test may have gone (a failure): nobody to tell.
process.stdout.on('error', () => process.exit(0));
process.stdout.write(JSON.stringify({ statuses, busyMs }));
