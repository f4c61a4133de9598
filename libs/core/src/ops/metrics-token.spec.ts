import { metricsAccess } from './metrics-token';

describe('metricsAccess', () => {
  it('is off without a configured token, whatever the caller sends', () => {
    expect(metricsAccess(undefined, 'Bearer anything')).toBe('disabled');
    expect(metricsAccess('', undefined)).toBe('disabled');
  });
  it('needs the exact bearer token', () => {
    expect(metricsAccess('s3cret', 'Bearer s3cret')).toBe('allowed');
    expect(metricsAccess('s3cret', 'bearer s3cret')).toBe('allowed');
    expect(metricsAccess('s3cret', 'Bearer s3cret2')).toBe('denied');
    expect(metricsAccess('s3cret', 's3cret')).toBe('denied');
    expect(metricsAccess('s3cret', undefined)).toBe('denied');
  });
});
