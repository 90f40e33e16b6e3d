import { allowedOrigins } from './cross-origin';

describe(allowedOrigins.name, () => {
  it('allows no origin when none is configured', () => {
    expect(allowedOrigins(undefined)).toEqual([]);
    expect(allowedOrigins(' , ')).toEqual([]);
  });

  it('reads a comma-separated list of origins', () => {
    expect(allowedOrigins('https://dashboard.example.gov.vn, http://localhost:5173')).toEqual(['https://dashboard.example.gov.vn', 'http://localhost:5173']);
  });

  it.each(['*', 'dashboard.example.gov.vn', 'https://dashboard.example.gov.vn/', 'https://dashboard.example.gov.vn/app', 'ftp://files.example', 'null'])(
    'refuses %s, naming the variable and the value',
    (value) => {
      expect(() => allowedOrigins(`https://ok.example,${value}`)).toThrow(new RegExp(`^CORS_ORIGINS .* not ${value.replace(/[.*/]/g, '\\$&')}$`));
    },
  );
});
