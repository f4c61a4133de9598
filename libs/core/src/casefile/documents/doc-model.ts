/**
 * A generated document before it becomes PDF or DOCX: one mapper per document builds this from
 * the case, and both renderers print any of them, so a new document is one new mapper.
 */
export interface DocModel {
  title: string;
  /** Printed under the title, e.g. the case reference. */
  subtitle?: string;
  blocks: DocBlock[];
  /** Provenance printed at the foot of the document (template, audit record). */
  footer: string[];
}

export type DocBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Label/value rows, a registration form's table. */
  | { kind: 'fields'; rows: [string, string][] }
  /** A signature line: who signs, with room for the signature, thumbprint and date. */
  | { kind: 'signatures'; lines: string[] };
