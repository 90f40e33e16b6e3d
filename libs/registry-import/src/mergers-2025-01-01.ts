import { KnownSuccession, ResolutionDating } from '@civic/domain';

/**
 * The 2025-01-01 round of commune mergers as the domain reference gives it (shared/docs/domain-reference.md, §2.2
 * and §3.2). The 2025-03-01 list shows only its result; these say when it took effect in Hà Nội and Đà Nẵng, and
 * where the territory of the Thanh Khê wards went. Mergers the lists show by a name carried on (Văn Miếu - Quốc Tử
 * Giám, Bạch Mai) are followed without an entry here; changes elsewhere are dated by the list itself.
 */
export const RESOLUTIONS_2025_01_01: readonly ResolutionDating[] = [
  { provinceCodes: ['01'], effectiveFrom: '2025-01-01', legalBasis: 'Nghị quyết 1286/NQ-UBTVQH15 ngày 14/11/2024 (Hà Nội), hiệu lực 01/01/2025' },
  {
    provinceCodes: ['48'],
    effectiveFrom: '2025-01-01',
    legalBasis: 'Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của thành phố Đà Nẵng giai đoạn 2023–2025, hiệu lực 01/01/2025',
  },
];

export const SUCCESSIONS_2025_01_01: readonly KnownSuccession[] = [
  { code: '20225', successors: [{ code: '20207', coverage: 'FULL' }] }, // Hòa Khê into Thanh Khê Đông
  { code: '20203', successors: [{ code: '20209', coverage: 'FULL' }] }, // Tam Thuận into Xuân Hà
  { code: '20221', successors: [{ code: '20218', coverage: 'FULL' }] }, // Thạc Gián and Vĩnh Trung (20218) as Thạc Gián
  { code: '20212', successors: [{ code: '20215', coverage: 'FULL' }] }, // Tân Chính into Chính Gián
  // Part of Hòa Minh (Liên Chiểu) added to Thanh Khê Tây; the rest stays Hòa Minh.
  { code: '20200', successors: [{ code: '20200', coverage: 'PARTIAL' }, { code: '20206', coverage: 'PARTIAL' }] },
];
