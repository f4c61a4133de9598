import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface RoundRobinProxy {
  url: string;
  /** Answers each backend gave (by index), to see that the survivors took the load. */
  served: number[];
  close(): Promise<void>;
}

/**
 * A small HTTP round-robin balancer, as nginx is in docker/compose.yaml. A backend that refuses
 * the connection (a killed replica) is skipped and the next one tried: the request never reached
 * it, so retrying is safe. A request cut off mid-way is answered 502, as nginx would.
 */
export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  const served = backends.map(() => 0);
  let next = 0;

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
    attempt: number,
  ): void => {
    const index = next++ % backends.length;
    const target = new URL(req.url ?? '/', backends[index]);
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host, connection: 'close' } },
      (answer) => {
        served[index] = (served[index] ?? 0) + 1;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && attempt < backends.length) {
        forward(req, body, res, attempt + 1);
      } else if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: error.message }));
      } else {
        res.destroy();
      }
    });
    upstream.end(body);
  };

  const server: Server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, Buffer.concat(chunks), res, 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
