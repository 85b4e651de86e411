// Unit: the signed link-share grant — round trip, forgery, its own expiry.
import { describe, expect, it } from 'vitest';
import { GRANT_MAX_AGE_S, readGrant, signGrant } from './grant';

const ID = '5b1f8e4a-4c1e-4f7a-9a43-0d9e1c2b3a4f';

describe('share grant', () => {
  it('names the share it was signed for, and never a code', () => {
    const grant = signGrant(ID, 1_000_000);
    expect(readGrant(grant, 1_000_000)).toBe(ID);
  });

  it('refuses a forged or altered grant', () => {
    const [, exp, mac] = signGrant(ID, 1_000_000).split('.');
    expect(readGrant(`00000000-0000-4000-8000-000000000000.${exp}.${mac}`, 1_000_000)).toBeNull();
    expect(readGrant(`${ID}.${Number(exp) + 1}.${mac}`, 1_000_000)).toBeNull();
    expect(readGrant(undefined)).toBeNull();
    expect(readGrant('garbage')).toBeNull();
  });

  it('ends after its own lifetime even while the share is active', () => {
    const grant = signGrant(ID, 0);
    expect(readGrant(grant, GRANT_MAX_AGE_S * 1000 - 1)).toBe(ID);
    expect(readGrant(grant, GRANT_MAX_AGE_S * 1000)).toBeNull();
  });
});
