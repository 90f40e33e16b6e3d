import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { bearer, RunningSystem, runCommand, testSigningKey, testToken, TestTokenOptions, unsignedToken } from '@civic/testing';
import { getJson, MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

/** Tokens that must not get in: each answers 401 with Problem Details and a WWW-Authenticate challenge. */
describe('Authentication', () => {
  let system: RunningSystem;
  const summary = (headers: Record<string, string>) => getJson(`${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`, headers);
  const record = (headers: Record<string, string>) => postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview(), headers);
  const events = async () => Number((await system.database.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const clerk: TestTokenOptions = { subject: 'clerk-minh-khai', roles: ['ward-clerk'], units: [MINH_KHAI] };

  beforeAll(async () => {
    system = await RunningSystem.start();
  });
  afterAll(() => system?.stop());

  it('lets a valid token in', async () => {
    expect((await summary(bearer(testToken(clerk)))).status).toBe(200);
    expect((await record(bearer(testToken(clerk)))).status).toBe(201);
  });

  it.each<[string, () => Record<string, string>, RegExp]>([
    ['no Authorization header', () => ({ authorization: '' }), /a bearer token is required/],
    ['another scheme', () => ({ authorization: `Basic ${Buffer.from('clerk:secret').toString('base64')}` }), /must be "Bearer <JWT>"/],
    ['a token that is not a JWT', () => ({ authorization: 'Bearer not-a-jwt' }), /must be "Bearer <JWT>"/],
    ['an expired token', () => bearer(testToken({ ...clerk, expiresIn: -120 })), /expired/],
    ['a token not valid yet (nbf)', () => bearer(testToken({ ...clerk, notBefore: 600 })), /nbf claim/],
    ['a token for another audience', () => bearer(testToken({ ...clerk, audience: 'another-system' })), /aud claim/],
    ['a token from another issuer', () => bearer(testToken({ ...clerk, issuer: 'https://evil.example' })), /iss claim/],
    ['a token signed by another key', () => bearer(testToken({ ...clerk, signedByStranger: true })), /not signed by a trusted key/],
    ['an unsigned token (alg: none)', () => bearer(unsignedToken(clerk)), /algorithm|malformed|trusted key/],
    ['a token without a subject', () => bearer(testToken({ ...clerk, omit: ['sub'] })), /sub/],
    ['a token without an expiry', () => bearer(testToken({ ...clerk, omit: ['exp'] })), /exp/],
    ['a token without roles', () => bearer(testToken({ ...clerk, omit: ['roles'] })), /names no roles/],
    ['a token with an unknown role', () => bearer(testToken({ ...clerk, roles: ['superuser'] })), /unknown roles: superuser/],
    ['a ward clerk token without the wards it acts for', () => bearer(testToken({ ...clerk, units: [] })), /must name the commune units/],
    ['a token whose units are not unit codes', () => bearer(testToken({ ...clerk, units: ["00295' OR '1'='1"] })), /official unit codes/],
    ['a tampered payload', () => {
      const [header, , signature] = testToken(clerk).split('.');
      const payload = Buffer.from(JSON.stringify({ sub: 'x', roles: ['administrator'], units: [], exp: 9999999999, iss: 'civic-records-test', aud: 'civic-records' })).toString('base64url');
      return { authorization: `Bearer ${header}.${payload}.${signature}` };
    }, /not signed by a trusted key/],
  ])('refuses %s with 401, reads nothing and records nothing', async (_, headers, reason) => {
    const before = await events();
    for (const response of [await summary(headers()), await record(headers())]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
      expect(response.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', detail: expect.stringMatching(reason) });
      expect(JSON.stringify(response.body)).not.toContain(headers().authorization?.split(' ')[1] ?? '\u0000');
    }
    expect(await events()).toBe(before);
  });

  it('accepts the development token the CLI mints', async () => {
    const minted = await runCommand('npm', ['run', '--silent', 'cli', '--', 'token', '--role', 'ward-clerk', '--unit', MINH_KHAI, '--subject', 'cli-clerk'], {
      CIVIC_SIGNING_KEY_FILE: process.env.CIVIC_TEST_SIGNING_KEY_FILE!,
    });
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim();
    expect((await summary(bearer(token))).status).toBe(200);
    expect((await getJson(`${system.url('query-api')}/v1/summaries/wards/00296?year=2021`, bearer(token))).status).toBe(403);
    expect((await runCommand('npm', ['run', '--silent', 'cli', '--', 'token', '--role', 'superuser'], { CIVIC_SIGNING_KEY_FILE: process.env.CIVIC_TEST_SIGNING_KEY_FILE! })).stderr).toContain('Unknown role superuser');
  });

  it('never writes a token into the services’ logs', async () => {
    const token = testToken(clerk);
    await summary(bearer(token));
    await summary(bearer(`${token}x`));
    await record({ authorization: `Bearer ${token.split('.').slice(0, 2).join('.')}.AAAA` });
    const [, , signature] = token.split('.');
    expect(system.output.length).toBeGreaterThan(0);
    expect(system.output.filter((line) => line.includes(signature) || /eyJ[A-Za-z0-9_-]{10,}/.test(line))).toEqual([]);
  });

  it('keeps health and the API documents open', async () => {
    for (const path of ['/health', '/docs-json']) {
      expect((await fetch(`${system.url('query-api')}${path}`)).status).toBe(200);
      expect((await fetch(`${system.url('records-api')}${path}`)).status).toBe(200);
    }
  });
});

/** Keys from an identity provider's JWKS URL instead of a file. */
describe('Authentication with keys from a JWKS URL', () => {
  let system: RunningSystem;
  let jwks: Server;

  beforeAll(async () => {
    const keys = readFileSync(testSigningKey().jwksFile, 'utf8');
    jwks = createServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(keys));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    system = await RunningSystem.start({ environment: { AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` } });
  });
  afterAll(async () => {
    await system?.stop();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('accepts tokens signed by a key the URL publishes, and no others', async () => {
    const url = `${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`;
    expect((await getJson(url, bearer(testToken()))).status).toBe(200);
    expect((await getJson(url, bearer(testToken({ signedByStranger: true })))).status).toBe(401);
  });
});
