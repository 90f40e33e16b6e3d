import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlatUnitList } from './flat-unit-list';
import { parseCrosswalk, parseNewCommuneList, parseNewProvinces, parseProvinceMerges } from './reform-lists';
import { ImportReport, Progress, UnitRegistryImporter } from './registry-importer';
import { RESOLUTIONS_2025_01_01, SUCCESSIONS_2025_01_01 } from './mergers-2025-01-01';
import { KnownSuccession, ResolutionDating } from '@civic/domain';

/**
 * The official lists of ../shared/data/admin-units, in the order they took effect. Changes between two lists are
 * dated by the later list unless a resolution dates them: the 2025-03-01 list holds the mergers that took effect
 * in Hà Nội and Đà Nẵng on 2025-01-01 (mergers-2025-01-01.ts).
 */
export const OFFICIAL_LISTS: readonly OfficialList[] = [
  { file: 'vn_units_3level_20210201_flat.csv', effectiveFrom: '2021-02-01', knownSince: '2021-02-01' },
  { file: 'vn_units_3level_20220410_flat.csv', effectiveFrom: '2022-04-10', knownSince: '2022-04-10' },
  { file: 'vn_units_3level_20250301_flat.csv', effectiveFrom: '2025-03-01', knownSince: '2025-03-01', resolutions: RESOLUTIONS_2025_01_01, successions: SUCCESSIONS_2025_01_01 },
];

interface OfficialList {
  readonly file: string;
  readonly effectiveFrom: string;
  readonly knownSince: string;
  readonly resolutions?: readonly ResolutionDating[];
  readonly successions?: readonly KnownSuccession[];
}

export const REFORM_2025 = {
  crosswalk: 'vn_crosswalk_20250301_to_20250701.csv',
  provinceMerges: 'vn_provinces_63_to_34.csv',
  provinces: 'dvhcvn2025_915_CTK-CSCL_province_codes.csv',
  communes: 'dvhcvn2025_1027_CTK-CSCL_commune_codes.md',
  effectiveFrom: '2025-07-01',
  legalBasis: 'Nghị quyết 202/2025/QH15; Nghị quyết 1654–1687/NQ-UBTVQH15; Luật 72/2025/QH15',
} as const;

/** Imports every official list not yet imported; safe to run on every start. */
export async function loadOfficialRegistry(
  importer: UnitRegistryImporter,
  directory: string,
  progressFor: (list: string) => Progress | undefined = () => undefined,
): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const list of OFFICIAL_LISTS) {
    const content = readFileSync(join(directory, list.file), 'utf8');
    const units = parseFlatUnitList(content, list.file);
    const { effectiveFrom, knownSince, resolutions, successions } = list;
    reports.push(await importer.importList(units, { list: list.file, content, effectiveFrom, knownSince, resolutions, successions }, progressFor(list.file)));
  }
  reports.push(await importReform(importer, directory, progressFor('2025-07-01 reform')));
  return reports;
}

export async function importReform(importer: UnitRegistryImporter, directory: string, progress?: Progress): Promise<ImportReport> {
  const read = (file: string) => readFileSync(join(directory, file), 'utf8');
  const [crosswalk, merges, provincesText, communesText] = [REFORM_2025.crosswalk, REFORM_2025.provinceMerges, REFORM_2025.provinces, REFORM_2025.communes].map(read);
  const provinces = parseNewProvinces(provincesText, REFORM_2025.provinces);
  return importer.importReform(
    {
      edges: parseCrosswalk(crosswalk, REFORM_2025.crosswalk),
      merges: parseProvinceMerges(merges, REFORM_2025.provinceMerges),
      provinces,
      communes: parseNewCommuneList(communesText, REFORM_2025.communes, provinces),
    },
    { list: REFORM_2025.crosswalk, content: crosswalk + merges + provincesText + communesText, effectiveFrom: REFORM_2025.effectiveFrom, legalBasis: REFORM_2025.legalBasis },
    progress,
  );
}
