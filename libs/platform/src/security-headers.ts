import helmet, { HelmetOptions } from 'helmet';

/**
 * helmet's security headers, read once at start. helmet decides them from its options alone (nothing in a
 * request changes them), so its middleware is run once against a recorder and each reply is handed the
 * recorded headers: run on every request, its dozen middlewares were a twentieth of query-api's CPU under 50
 * readers (docs/adr/0025-request-pipeline-costs.md).
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  let failure: unknown;
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return Object.freeze(headers);
}
