const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const PATTERN = new RegExp(
  `^P(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);
// Milliseconds per capture group of PATTERN, in order.
const UNIT_MS = [7 * DAY, DAY, HOUR, MINUTE, SECOND];

/**
 * Parses an ISO 8601 duration (`PT5S`, `P3D`, `PT1.5S`, `P1DT2H`, `P2W`) into milliseconds.
 *
 * Years and months are refused rather than guessed: their length depends on the calendar,
 * and a deadline that silently means 28, 30 or 31 days is worse than a boot-time error.
 * A day is 24 hours (deadlines are elapsed time, not wall-clock dates).
 */
export function parseIsoDuration(text: string): number {
  const source = text.trim().toUpperCase();
  if (/^P[^T]*[YM]/.test(source)) {
    throw new Error(
      `"${text}" uses years or months, which have no fixed length: give days or weeks instead (e.g. P30D)`,
    );
  }
  const match = PATTERN.exec(source);
  const parts = (match?.slice(1) ?? [])
    .map((raw, index) => ({ raw, unitMs: UNIT_MS[index] ?? 0 }))
    .filter((part): part is { raw: string; unitMs: number } => part.raw !== undefined);
  // `P` and `PT` alone match the pattern but name no amount.
  if (!match || parts.length === 0 || source.endsWith('T')) {
    throw new Error(`"${text}" is not an ISO 8601 duration`);
  }
  // ISO 8601 allows a fraction on the smallest component only.
  if (parts.slice(0, -1).some((part) => /[.,]/.test(part.raw))) {
    throw new Error(
      `"${text}" is not an ISO 8601 duration: only its last component may have a fraction`,
    );
  }
  const ms = parts.reduce((sum, part) => sum + Number(part.raw.replace(',', '.')) * part.unitMs, 0);
  const rounded = Math.round(ms);
  if (!Number.isSafeInteger(rounded)) {
    throw new Error(`"${text}" is too long a duration`);
  }
  return rounded;
}
