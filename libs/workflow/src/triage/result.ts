/** An expected failure: the input (or policy) field at fault and a sentence saying why. */
export interface TriageRefusal {
  readonly ok: false;
  readonly field: string;
  readonly message: string;
}

export function refuse(field: string, message: string): TriageRefusal {
  return { ok: false, field, message };
}
