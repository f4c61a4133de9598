/** One answer of the API, with how long it took. `status` 0: no answer at all (timeout, reset). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  ms: number;
  error?: string;
}

export interface RequestOptions {
  token?: string;
  body?: object;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** A small JSON client on fetch; it never throws, so a fault's answers can be counted. */
export class Http {
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    options: RequestOptions = {},
  ): Promise<Answer<T>> {
    const started = Date.now();
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body) headers['content-type'] = 'application/json';
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body ? JSON.stringify(options.body) : undefined,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: body as T, ms: Date.now() - started };
    } catch (error) {
      return {
        status: 0,
        body: null as T,
        ms: Date.now() - started,
        error: (error as Error).message,
      };
    }
  }
}

/** Counts answers by status, keeping the slowest and a sample of each unexpected body. */
export class Tally {
  readonly byStatus = new Map<number, number>();
  readonly samples = new Map<number, unknown>();
  maxMs = 0;
  total = 0;

  add(answer: Answer): void {
    this.total += 1;
    this.byStatus.set(answer.status, (this.byStatus.get(answer.status) ?? 0) + 1);
    if (!this.samples.has(answer.status))
      this.samples.set(answer.status, answer.body ?? answer.error);
    this.maxMs = Math.max(this.maxMs, answer.ms);
  }

  count(predicate: (status: number) => boolean): number {
    let n = 0;
    for (const [status, c] of this.byStatus) if (predicate(status)) n += c;
    return n;
  }

  /** Statuses outside `allowed`, with a sample body each: `{}` when there are none. */
  unexpected(allowed: readonly number[]): Record<number, { count: number; sample: unknown }> {
    const out: Record<number, { count: number; sample: unknown }> = {};
    for (const [status, count] of this.byStatus) {
      if (!allowed.includes(status)) out[status] = { count, sample: this.samples.get(status) };
    }
    return out;
  }

  summary(): string {
    const parts = [...this.byStatus].sort(([a], [b]) => a - b).map(([s, c]) => `${s}×${c}`);
    return `${this.total} requests (${parts.join(', ')}), slowest ${this.maxMs} ms`;
  }
}
