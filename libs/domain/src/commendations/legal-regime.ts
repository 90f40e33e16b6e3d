import { CivicDate } from '../shared/civic-date';

/**
 * The legal regimes of emulation and commendation (domain-reference §0.1). A fact is judged by the regime in
 * force on its date, never by today's rules.
 */
export const LEGAL_REGIMES = {
  A: {
    from: null,
    to: '2023-12-31',
    basis: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013); Nghị định 91/2017/NĐ-CP; Nghị định 122/2018/NĐ-CP',
  },
  B: { from: '2024-01-01', to: '2025-06-30', basis: 'Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP' },
  C: {
    from: '2025-07-01',
    to: null,
    basis: 'Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Nghị định 129/2025/NĐ-CP',
  },
} as const;
export type LegalRegime = keyof typeof LEGAL_REGIMES;

export function regimeOn(date: CivicDate): LegalRegime {
  if (date < LEGAL_REGIMES.B.from) return 'A';
  if (date < LEGAL_REGIMES.C.from) return 'B';
  return 'C';
}
