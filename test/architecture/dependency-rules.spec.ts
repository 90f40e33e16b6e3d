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
});
