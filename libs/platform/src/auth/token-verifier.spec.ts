import { TokenVerifier, Unauthenticated } from './token-verifier';
import { Principal } from './principal';

/**
 * The verified-token memory: fewer signature checks, never a token honoured past its expiry. jose is an ES
 * module Jest cannot load, so the signature check itself is replaced here; it is exercised end to end by
 * test/authentication.e2e-spec.ts against the running services.
 */
describe('TokenVerifier memory of verified tokens', () => {
  const principal: Principal = { subject: 'dashboard', roles: ['auditor'], units: [] };
  const token = 'Bearer aaa.bbb.ccc';
  let clock: number;
  let verifier: TokenVerifier;
  let signatureChecks: jest.SpyInstance;
  const checkedTokenExpiring = (inMs: number) =>
    signatureChecks.mockImplementation(async () => ({ principal, expiresAt: clock + inMs }));

  beforeEach(() => {
    clock = Date.parse('2026-11-23T08:00:00Z');
    verifier = new TokenVerifier({ issuer: 'i', audience: 'a', jwks: { keys: [] } }, () => clock);
    signatureChecks = jest.spyOn(verifier as unknown as { verifySignatureAndClaims: () => Promise<unknown> }, 'verifySignatureAndClaims');
  });

  it('checks the signature of a token once, then answers from memory for up to a minute', async () => {
    checkedTokenExpiring(3_600_000);
    expect(await verifier.verify(token)).toEqual(principal);
    clock += 59_000;
    expect(await verifier.verify(token)).toEqual(principal);
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    clock += 2_000;
    await verifier.verify(token);
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('does not remember a token past its expiry', async () => {
    checkedTokenExpiring(10_000);
    await verifier.verify(token);
    clock += 9_000;
    await verifier.verify(token);
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    clock += 2_000;
    await verifier.verify(token);
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('never remembers a refusal', async () => {
    signatureChecks.mockRejectedValue(new Unauthenticated('the token is not signed by a trusted key'));
    await expect(verifier.verify(token)).rejects.toThrow('the token is not signed by a trusted key');
    await expect(verifier.verify(token)).rejects.toThrow(Unauthenticated);
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('refuses a malformed header before any check', async () => {
    await expect(verifier.verify('Basic dXNlcg==')).rejects.toThrow('the Authorization header must be "Bearer <JWT>"');
    expect(signatureChecks).not.toHaveBeenCalled();
  });
});
