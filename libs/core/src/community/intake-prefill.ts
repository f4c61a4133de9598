import type { CommunityReportEntity } from '@tricolor/persistence';
import type { IntakePrefill } from './report-commands';
import type { ReportCategory } from './rules/vocabulary';

// What each category of report suggests on the intake form's risk checklist (triage codes).
const INDICATORS: Record<ReportCategory, string[]> = {
  dispute_risk: [],
  fraud_risk: ['vulnerable_party'],
  safety_hazard: ['property_damage'],
  public_order: ['public_order_impact'],
  help_needed: ['vulnerable_party'],
};

const TITLE_LENGTH = 80;

/**
 * The dispute intake form, filled in from a report: the summary as title and description, the
 * place and the report's reference in the description, the people concerned as parties (the
 * first as applicant, the others as respondents), the location, and the checklist items the
 * category suggests. The person converting completes or changes any field before opening.
 */
export function intakePrefill(report: CommunityReportEntity): IntakePrefill {
  const summary = report.summary.trim();
  const title = summary.length > TITLE_LENGTH ? `${summary.slice(0, TITLE_LENGTH - 1)}…` : summary;
  return {
    title,
    // The case file is read in Chinese by the people who mediate it.
    description: `${summary}\n\n地点：${report.place}\n来源：社情信息 ${report.reference}`,
    category: report.category,
    gridCode: report.gridCode,
    parties: report.concerned.map((p, i) => ({
      name: p.name,
      role: i === 0 ? 'applicant' : 'respondent',
      ...(p.phone !== undefined ? { phone: p.phone } : {}),
      ...(p.idNumber !== undefined ? { idNumber: p.idNumber } : {}),
    })),
    riskIndicators: [...INDICATORS[report.category as ReportCategory]],
    ...(report.lon !== null && report.lat !== null
      ? { location: { lon: report.lon, lat: report.lat } }
      : {}),
  };
}
