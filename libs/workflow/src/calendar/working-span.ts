import type { WorkingSpan } from './types';

const PATTERN = /^(\d+(?:\.\d+)?)\s*(WD|WH)$/i;

/**
 * Reads working time as a timer setting gives it: `3WD` (working days) or `4WH` (working
 * hours). Returns null for anything else (an ISO 8601 duration is read elsewhere).
 */
export function parseWorkingSpan(text: string): WorkingSpan | null {
  const match = PATTERN.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const amount = Number(match[1]);
  if (!(amount > 0)) return null;
  return { unit: match[2].toUpperCase() as WorkingSpan['unit'], amount };
}

export const formatWorkingSpan = (span: WorkingSpan): string => `${span.amount}${span.unit}`;
