import { periodsBetween } from './series.reader';

describe(periodsBetween.name, () => {
  it('gives every month from the one holding the first day to the one holding the last, with their days', () => {
    expect(periodsBetween('2024-01-15', '2024-03-02', 'MONTH')).toEqual([
      { label: '2024-01', first: '2024-01-01', last: '2024-01-31' },
      { label: '2024-02', first: '2024-02-01', last: '2024-02-29' },
      { label: '2024-03', first: '2024-03-01', last: '2024-03-31' },
    ]);
  });

  it('gives whole quarters across a year end', () => {
    expect(periodsBetween('2024-11-01', '2025-04-30', 'QUARTER')).toEqual([
      { label: '2024-Q4', first: '2024-10-01', last: '2024-12-31' },
      { label: '2025-Q1', first: '2025-01-01', last: '2025-03-31' },
      { label: '2025-Q2', first: '2025-04-01', last: '2025-06-30' },
    ]);
  });

  it('gives the twelve months of a year', () => {
    const months = periodsBetween('2025-01-01', '2025-12-31', 'MONTH');
    expect(months.map((m) => m.label)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(months[11].last).toBe('2025-12-31');
  });
});
