import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const adrDirectory = resolve(__dirname, '..', '..', 'docs', 'adr');

describe('the index of architecture decision records', () => {
  const index = readFileSync(join(adrDirectory, 'README.md'), 'utf8');
  const records = readdirSync(adrDirectory).filter((name) => /^\d{4}-.+\.md$/.test(name));
  const linked = [...index.matchAll(/\]\((\d{4}-[^)]+\.md)\)/g)].map((match) => match[1]);

  it('lists every record once, and nothing that is not a record', () => {
    expect([...linked].sort()).toEqual([...records].sort());
  });

  it('marks a record superseded in the index when its own status says so', () => {
    for (const name of records) {
      const status = readFileSync(join(adrDirectory, name), 'utf8').match(/^Status: (.*)$/m)?.[1] ?? '';
      const row = index.split('\n').find((line) => line.includes(`](${name})`)) ?? '';
      if (/superseded/i.test(status)) expect(row).toMatch(/superseded/i);
    }
  });
});
