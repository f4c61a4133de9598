/** What the API acknowledged: each 200/201 answer names the case's version it produced. */
export interface Acknowledged {
  disputeId: string;
  version: number;
  type: string;
}

/** Every transition a client was told succeeded; each must be in the audit trail afterwards. */
export class Ledger {
  private readonly entries = new Map<string, Acknowledged>();
  /** Two different transitions acknowledged as the same version of one case: never allowed. */
  readonly clashes: [Acknowledged, Acknowledged][] = [];

  acknowledge(disputeId: string, version: number, type: string): void {
    const key = `${disputeId}#${version}`;
    const entry = { disputeId, version, type };
    const earlier = this.entries.get(key);
    // An idempotent replay answers the same version again: one entry.
    if (earlier && earlier.type !== type) this.clashes.push([earlier, entry]);
    if (!earlier) this.entries.set(key, entry);
  }

  get all(): Acknowledged[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }
}
