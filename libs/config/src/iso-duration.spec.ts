import { parseIsoDuration } from './iso-duration';

describe('parseIsoDuration', () => {
  it.each([
    ['PT5S', 5_000],
    ['PT1.5S', 1_500],
    ['PT0,25S', 250],
    ['PT90M', 90 * 60_000],
    ['P3D', 3 * 86_400_000],
    ['P1DT2H', 26 * 3_600_000],
    ['P2W', 14 * 86_400_000],
    ['P1W2D', 9 * 86_400_000],
    ['P1DT1H1M1.001S', 86_400_000 + 3_600_000 + 60_000 + 1_001],
    ['PT0S', 0],
    [' pt12h ', 12 * 3_600_000],
  ])('parses %s as %i ms', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    '3 days',
    '5S',
    'PT-5S',
    'P1H',
    'PT1D',
    'P1.5DT2H',
    'P1D2W',
    'PT5S '.repeat(2),
  ])('refuses %j', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(/is not an ISO 8601 duration/);
  });

  it.each(['P1Y', 'P1M', 'P1Y2M3D', 'P1MT5S'])('refuses the calendar units in %s', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(/years or months/);
  });

  it('refuses durations too long to count in milliseconds', () => {
    expect(() => parseIsoDuration('P99999999999999W')).toThrow(/too long/);
  });
});
