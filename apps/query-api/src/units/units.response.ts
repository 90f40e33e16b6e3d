import { ApiProperty } from '@nestjs/swagger';
import type { UnitLevel, UnitVersion } from '@civic/domain';
import type { Succession } from '@civic/admin-units';
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

export class UnitSearchResponse {
  items!: UnitVersionResponse[];
}

export class UnitChildrenResponse {
  asOf!: string;
  parent!: UnitVersionResponse;
  items!: UnitVersionResponse[];
}

export class SuccessionResponse implements Succession {
  code!: string;
  @ApiProperty({ enum: ['FULL', 'PARTIAL'] })
  coverage!: 'FULL' | 'PARTIAL';
  effectiveFrom!: string;
}

export class UnitSuccessionsResponse {
  code!: string;
  successors!: SuccessionResponse[];
  predecessors!: SuccessionResponse[];
}
