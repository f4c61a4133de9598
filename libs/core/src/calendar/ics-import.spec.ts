import { yearsFromIcs } from './ics-import';

const ics = (events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const allDay = (summary: string, start: string, end: string) =>
  [
    'BEGIN:VEVENT',
    `UID:${summary}-${start}`,
    `SUMMARY:${summary}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    'END:VEVENT',
  ].join('\r\n');

describe('ICS import', () => {
  it('reads holidays (multi-day, DTEND exclusive) and make-up working days (班)', () => {
    const years = yearsFromIcs(
      ics([
        allDay('国庆节 休', '20261001', '20261008'),
        allDay('国庆节 补班', '20261010', '20261011'),
        allDay('元旦', '20270101', '20270102'),
        [
          'BEGIN:VEVENT',
          'UID:meeting',
          'SUMMARY:例会',
          'DTSTART:20261014T000000Z',
          'DTEND:20261014T010000Z',
          'END:VEVENT',
        ].join('\r\n'),
      ]),
      'test.ics',
    );
    expect(years).toEqual([
      {
        year: 2026,
        holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`),
        makeUpDays: ['2026-10-10'],
        source: 'test.ics',
      },
      { year: 2027, holidays: ['2027-01-01'], makeUpDays: [], source: 'test.ics' },
    ]);
  });

  it('refuses what is not iCalendar, naming the field', () => {
    expect(() => yearsFromIcs('hello', 'x')).toThrow(/^ics /);
    expect(() => yearsFromIcs(ics([]), 'x')).toThrow(/no all-day events/);
  });
});
