import { bearerToken } from './auth-request';
import { fromClaims, toClaims, type AuthUser } from './auth-user';

describe('claims', () => {
  const panelMember: AuthUser = {
    id: 'u7',
    username: 'wang',
    role: 'panel_member',
    unitCode: 'S-01',
    institution: 'court',
  };

  it('round-trips a user through the token claims', () => {
    expect(toClaims(panelMember)).toEqual({
      sub: 'u7',
      username: 'wang',
      role: 'panel_member',
      unitCode: 'S-01',
      institution: 'court',
    });
    expect(fromClaims({ ...toClaims(panelMember), iat: 1, exp: 2 })).toEqual(panelMember);
  });

  it('leaves out an absent institution', () => {
    const user: AuthUser = { id: 'u1', username: 'li', role: 'grid_worker', unitCode: 'G-1' };
    expect(toClaims(user)).not.toHaveProperty('institution');
    expect(fromClaims(toClaims(user))).toEqual(user);
  });

  it.each([
    ['no subject', { username: 'a', role: 'admin', unitCode: 'S' }],
    ['an unknown role', { sub: 'u', username: 'a', role: 'emperor', unitCode: 'S' }],
    [
      'an unknown institution',
      { sub: 'u', username: 'a', role: 'panel_member', unitCode: 'S', institution: 'army' },
    ],
    ['a non-object', 'u1'],
  ])('rejects claims with %s', (_label, payload) => {
    expect(fromClaims(payload)).toBeUndefined();
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('reads %p as %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
