import type { NestFastifyApplication } from '@nestjs/platform-fastify';

type CorsOptions = NonNullable<Parameters<NestFastifyApplication['enableCors']>[0]>;

/** Headers a browser dashboard on another origin sends: the bearer token, JSON bodies, and conditional requests. */
const REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Accept', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Correlation-Id'];
/** Headers such a dashboard must be able to read: a record's version, a new record's address, paging, back-off. */
const EXPOSED_HEADERS = ['ETag', 'Location', 'Link', 'Retry-After', 'Content-Disposition', 'X-Correlation-Id'];

/**
 * The origins allowed to call a service from a browser, from `CORS_ORIGINS` (comma-separated, e.g.
 * `https://dashboard.example.gov.vn,http://localhost:5173`); none by default, so cross-origin calls stay refused
 * by browsers until an operator lists the dashboards that may make them. Each must be an origin exactly
 * (scheme, host, port; no path): anything else stops the service at start, naming the variable.
 */
export function allowedOrigins(value: string | undefined): readonly string[] {
  const listed = (value ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  const wrong = listed.filter((origin) => !isOrigin(origin));
  if (wrong.length) {
    throw new Error(`CORS_ORIGINS must list origins such as https://dashboard.example.gov.vn (scheme, host and port, no path), separated by commas; not ${wrong.join(', ')}`);
  }
  return listed;
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}

/** The CORS policy for those origins: credentials are bearer tokens, never cookies, so none are allowed. */
export function corsOptions(origins: readonly string[]): CorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: REQUEST_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  };
}
