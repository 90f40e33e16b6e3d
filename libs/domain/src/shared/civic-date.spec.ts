import { civicDateAt, isCivicDate, yearOf } from './civic-date';

describe('civic dates', () => {
  it.each(['2021-01-12', '2024-02-29', '2000-02-29'])('accepts the real date %s', (date) => {
    expect(isCivicDate(date)).toBe(true);
  });

  it.each(['2021-02-29', '2021-13-01', '2021-1-12', '12/01/2021', '2021-01-12T00:00:00Z', '', 20210112])(
    'rejects %p',
    (value) => {
      expect(isCivicDate(value)).toBe(false);
    },
  );

  it('takes the year from the date', () => {
    expect(yearOf('2021-01-12')).toBe(2021);
  });

  it('uses the date in Việt Nam, which is ahead of UTC by seven hours', () => {
    expect(civicDateAt(new Date('2020-12-31T16:59:59Z'))).toBe('2020-12-31');
    expect(civicDateAt(new Date('2020-12-31T17:00:00Z'))).toBe('2021-01-01');
  });
});
