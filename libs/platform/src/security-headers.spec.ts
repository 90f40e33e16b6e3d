import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet, { HelmetOptions } from 'helmet';
import { securityHeaders } from './security-headers';

/** What helmet's middleware sets on a real Node response, names lowercased as Node keeps them. */
function setByHelmet(options: HelmetOptions): Record<string, string> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  response.setHeader('X-Powered-By', 'something');
  helmet(options)(request, response, () => undefined);
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

describe(securityHeaders.name, () => {
  const options: HelmetOptions = { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] } } };

  it('holds exactly the headers helmet sets on a response, X-Powered-By removed', () => {
    const recorded = Object.fromEntries(Object.entries(securityHeaders(options)).map(([name, value]) => [name.toLowerCase(), value]));
    expect(recorded).toEqual(setByHelmet(options));
    expect(recorded['x-content-type-options']).toBe('nosniff');
    expect(recorded['content-security-policy']).toContain("img-src 'self' data:");
    expect(recorded).not.toHaveProperty('x-powered-by');
  });

  it('refuses options helmet refuses, at start rather than on a request', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'; evil"] } } })).toThrow(/script-src/);
  });

  it('cannot be changed by a reply', () => {
    expect(Object.isFrozen(securityHeaders(options))).toBe(true);
  });
});
