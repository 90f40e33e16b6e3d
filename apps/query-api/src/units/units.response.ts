import { ApiProperty } from '@nestjs/swagger';
import type { UnitLevel, UnitVersion } from '@civic/domain';
import type { Succession } from '@civic/admin-units';

/** A succession edge with the name of the unit at its other end. */
export type NamedSuccession = Succession & { readonly name: string | null };
import { UNIT_LEVELS } from '../summaries.response';

export class UnitVersionResponse implements UnitVersion {
  code!: string;
  @ApiProperty({ enum: UNIT_LEVELS })
  level!: UnitLevel;
  name!: string;
  /** Tỉnh, Thành phố Trung ương, Quận, Huyện, Thị xã, Thành phố, Phường, Xã, Thị trấn, Đặc khu. */
  type!: string;
  parentCode!: string | null;
  /** Null for a unit that existed before the first official list. */
  validFrom!: string | null;
  /** The last day the version was in force; null while it is. */
  validTo!: string | null;
}

export class UnitAsOfResponse extends UnitVersionResponse {
  /** The date the question was answered for. */
  asOf!: string;
}

export class SuccessionResponse implements NamedSuccession {
  code!: string;
  /** The unit's name on the day the edge took effect (a predecessor's: on its last day). */
  name!: string | null;
  @ApiProperty({ enum: ['FULL', 'PARTIAL'] })
  coverage!: 'FULL' | 'PARTIAL';
  @ApiProperty({ format: 'date' })
  effectiveFrom!: string;
  /**
   * RESOLUTION: `effectiveFrom` is the day the resolution in `legalBasis` took effect. LIST: it is the date of the
   * official list that first showed the change, which took effect on or before it.
   */
  @ApiProperty({ enum: ['RESOLUTION', 'LIST'] })
  datedBy!: 'RESOLUTION' | 'LIST';
  legalBasis!: string | null;
}

export class UnitSearchItemResponse extends UnitVersionResponse {
  /** For a version that ended: the units that took its territory the next day (a former name points to them). */
  successors?: SuccessionResponse[];
}

export class UnitSearchResponse {
  items!: UnitSearchItemResponse[];
}

export class UnitChildrenResponse {
  asOf!: string;
  parent!: UnitVersionResponse;
  items!: UnitVersionResponse[];
}

export class UnitSuccessionsResponse {
  code!: string;
  successors!: SuccessionResponse[];
  predecessors!: SuccessionResponse[];
  /** The last day a unit had the code, when none has it now. */
  @ApiProperty({ format: 'date', nullable: true })
  ended!: string | null;
  /** False when the code ended and the registry does not know where its territory went (the lists do not say). */
  successorsKnown!: boolean;
}
