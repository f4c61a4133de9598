import type { CalendarYear } from './types';

/**
 * China's public holidays and make-up working days (调休), from the State Council General
 * Office notices: 国办发明电〔2024〕12号 (for 2025) and 国办发明电〔2025〕7号 (for 2026).
 * Cross-checked against the data of the npm package `chinese-days` 1.5.7, which we do not depend
 * on (its published tarball ships only the JSON, not the module its `main` names).
 * A new year is added by an admin through /admin/calendar when its notice is published.
 */
export const CHINA_OFFICIAL_YEARS: readonly CalendarYear[] = [
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    holidays: [
      '2025-01-01',
      // 春节 1.28–2.4
      ...['01-28', '01-29', '01-30', '01-31', '02-01', '02-02', '02-03', '02-04'].map(
        (d) => `2025-${d}`,
      ),
      '2025-04-04',
      '2025-04-05',
      '2025-04-06',
      ...['05-01', '05-02', '05-03', '05-04', '05-05'].map((d) => `2025-${d}`),
      '2025-05-31',
      '2025-06-01',
      '2025-06-02',
      // 国庆节、中秋节 10.1–10.8
      ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07', '10-08'].map(
        (d) => `2025-${d}`,
      ),
    ],
    makeUpDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国办发明电〔2025〕7号',
    holidays: [
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      // 春节 2.15–2.23
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`),
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      ...['05-01', '05-02', '05-03', '05-04', '05-05'].map((d) => `2026-${d}`),
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      // 国庆节 10.1–10.7
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`),
    ],
    makeUpDays: [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ],
  },
];
