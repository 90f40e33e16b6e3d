import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');
const depcruise = join(repoRoot, 'node_modules', '.bin', 'depcruise');

function cruise(cwd: string, ...targets: string[]) {
  const result = spawnSync(depcruise, ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...targets], {
    cwd,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('dependency rules', () => {
  it('hold for every app and lib', () => {
    const result = cruise(repoRoot, 'apps', 'libs');
    expect(result.output).not.toMatch(/error/);
    expect(result.status).toBe(0);
  });

  it('catch a domain file that imports NestJS, TypeORM or kafkajs', () => {
    const sandbox = mkdtempSync(join(tmpdir(), 'civic-depcruise-'));
    try {
      cpSync(join(repoRoot, '.dependency-cruiser.cjs'), join(sandbox, '.dependency-cruiser.cjs'));
      writeFileSync(join(sandbox, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
      mkdirSync(join(sandbox, 'libs', 'domain', 'src'), { recursive: true });
      writeFileSync(
        join(sandbox, 'libs', 'domain', 'src', 'leaky.ts'),
        "import { Injectable } from '@nestjs/common';\nimport { Repository } from 'typeorm';\nimport { Kafka } from 'kafkajs';\nexport const leaks = [Injectable, Repository, Kafka];\n",
      );
      const result = cruise(sandbox, 'libs');
      expect(result.status).not.toBe(0);
      for (const module of ['@nestjs/common', 'typeorm', 'kafkajs']) {
        expect(result.output).toMatch(new RegExp(`domain-is-pure: libs/domain/src/leaky.ts → ${module}`));
      }
    } finally {
      rmSync(sandbox, { recursive: true, force: true });
    }
  });

  /** Files written into a sandbox with the repository's rules; answers depcruise's verdict on them. */
  function cruiseSandbox(files: Record<string, string>) {
    const sandbox = mkdtempSync(join(tmpdir(), 'civic-depcruise-'));
    try {
      cpSync(join(repoRoot, '.dependency-cruiser.cjs'), join(sandbox, '.dependency-cruiser.cjs'));
      writeFileSync(join(sandbox, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(sandbox, path, '..'), { recursive: true });
        writeFileSync(join(sandbox, path), text);
      }
      const tops = [...new Set(Object.keys(files).map((path) => path.split('/')[0]))];
      return cruise(sandbox, ...tops);
    } finally {
      rmSync(sandbox, { recursive: true, force: true });
    }
  }

  it.each([
    [
      'database-imports-no-civic-lib',
      'libs/database/src/pool.ts → libs/event-store/src/log.ts',
      { 'libs/database/src/pool.ts': "import { log } from '../../event-store/src/log';\nexport const pool = log;\n", 'libs/event-store/src/log.ts': 'export const log = 1;\n' },
    ],
    [
      'schema-is-for-tools',
      'apps/projector/src/main.ts → libs/schema/src/migrations.ts',
      { 'apps/projector/src/main.ts': "import { all } from '../../../libs/schema/src/migrations';\nexport const main = all;\n", 'libs/schema/src/migrations.ts': 'export const all = [];\n' },
    ],
    [
      'write-side-does-not-reach-read-side',
      'apps/records-api/src/handler.ts → libs/platform/src/cache.ts → libs/projections/src/cache.ts',
      {
        'apps/records-api/src/handler.ts': "import { cache } from '../../../libs/platform/src/cache';\nexport const handler = cache;\n",
        'libs/platform/src/cache.ts': "import { cache as inner } from '../../projections/src/cache';\nexport const cache = inner;\n",
        'libs/projections/src/cache.ts': 'export const cache = 1;\n',
      },
    ],
    [
      'read-side-does-not-import-write-side',
      'libs/projections/src/meetings.ts → apps/records-api/src/dto.ts',
      { 'libs/projections/src/meetings.ts': "import { dto } from '../../../apps/records-api/src/dto';\nexport const meetings = dto;\n", 'apps/records-api/src/dto.ts': 'export const dto = 1;\n' },
    ],
    [
      'platform-serves-every-service-alike',
      'libs/platform/src/filter.ts → libs/event-store/src/errors.ts',
      { 'libs/platform/src/filter.ts': "import { Conflict } from '../../event-store/src/errors';\nexport const filter = Conflict;\n", 'libs/event-store/src/errors.ts': 'export const Conflict = 1;\n' },
    ],
    [
      'code-does-not-import-deploy',
      'libs/testing/src/system.ts → deploy/local/services.ts',
      { 'libs/testing/src/system.ts': "import { start } from '../../../deploy/local/services';\nexport const system = start;\n", 'deploy/local/services.ts': 'export const start = 1;\n' },
    ],
    [
      'services-do-not-load-local-run',
      'apps/query-api/src/main.ts → libs/platform/src/auth.ts → libs/local-run/src/dev-token.ts',
      {
        'apps/query-api/src/main.ts': "import { auth } from '../../../libs/platform/src/auth';\nexport const main = auth;\n",
        'libs/platform/src/auth.ts': "import { mint } from '../../local-run/src/dev-token';\nexport const auth = mint;\n",
        'libs/local-run/src/dev-token.ts': 'export const mint = 1;\n',
      },
    ],
    [
      'apps-are-independent',
      'apps/query-api/src/audit.ts → apps/records-api/src/context.ts',
      { 'apps/query-api/src/audit.ts': "import { context } from '../../records-api/src/context';\nexport const audit = context;\n", 'apps/records-api/src/context.ts': 'export const context = 1;\n' },
    ],
    [
      'libs-do-not-import-apps',
      'libs/messaging/src/relay.ts → apps/event-relay/src/config.ts',
      { 'libs/messaging/src/relay.ts': "import { config } from '../../../apps/event-relay/src/config';\nexport const relay = config;\n", 'apps/event-relay/src/config.ts': 'export const config = 1;\n' },
    ],
    [
      'production-code-does-not-import-testing',
      'apps/projector/src/service.ts → libs/testing/src/wait-for.ts',
      { 'apps/projector/src/service.ts': "import { waitFor } from '../../../libs/testing/src/wait-for';\nexport const service = waitFor;\n", 'libs/testing/src/wait-for.ts': 'export const waitFor = 1;\n' },
    ],
    [
      'no-circular',
      'libs/messaging/src/a.ts → libs/messaging/src/b.ts',
      { 'libs/messaging/src/a.ts': "import { b } from './b';\nexport const a = () => b;\n", 'libs/messaging/src/b.ts': "import { a } from './a';\nexport const b = () => a;\n" },
    ],
  ])('catch an arrow that runs the wrong way: %s', (rule, path, files) => {
    const result = cruiseSandbox(files);
    expect(result.status).not.toBe(0);
    const [from] = path.split(' → ');
    expect(result.output).toMatch(new RegExp(`${rule}: ${from}`));
  });
});
