import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Where query-api serves the dashboard from (`/dashboard/`). */
export const DASHBOARD_DIST = join(__dirname, '..', '..', 'dist', 'dashboard');
const SOURCE = join(__dirname, '..', '..', 'apps', 'dashboard');

/**
 * Bundles the dashboard (apps/dashboard: Preact and ECharts, in TypeScript) into one script and one stylesheet
 * beside its page, minified, with a source map. It takes about a second, so `npm start` and `npm test` build it
 * every time rather than guess whether the sources changed.
 */
export async function buildDashboard(): Promise<string> {
  mkdirSync(DASHBOARD_DIST, { recursive: true });
  await build({
    entryPoints: { app: join(SOURCE, 'src', 'main.tsx') },
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: DASHBOARD_DIST,
    logLevel: 'warning',
    tsconfig: join(SOURCE, 'tsconfig.json'),
  });
  copyFileSync(join(SOURCE, 'index.html'), join(DASHBOARD_DIST, 'index.html'));
  copyFileSync(join(SOURCE, 'styles.css'), join(DASHBOARD_DIST, 'styles.css'));
  return DASHBOARD_DIST;
}

if (require.main === module) {
  buildDashboard().then(
    (dist) => console.log(`[dashboard] built into ${dist}`),
    (error: unknown) => {
      console.error('[dashboard] build failed', error);
      process.exit(1);
    },
  );
}
