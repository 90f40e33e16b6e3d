import { ApiProperty } from '@nestjs/swagger';
import type { AttendeeTotals, CommendationSummary, Figures, MeetingSummary, MovementSummary, RecipientTotals, WardSummary } from '@civic/projections';
import { MEETING_KIND_VALUES, type UnitLevel } from '@civic/domain';

export const UNIT_LEVELS: UnitLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
import type { PredecessorFigures, SuccessorView } from './successor-view/successor-view.handler';
import type { UnitSummary } from './unit-summary/unit-summary.handler';

// The HTTP contract of the summaries, as classes the OpenAPI document is generated from. Each implements the
// reader's type, so the compiler refuses a class that falls behind what the readers return.

export class AttendeeTotalsResponse implements AttendeeTotals {
  /** Sum of every reported figure; a lower bound when some were "at least" or approximate. */
  total!: number;
  exact!: number;
  approximate!: number;
  atLeast!: number;
  meetingsWithCount!: number;
  meetingsWithoutCount!: number;
}

export class MeetingKindFiguresResponse {
  /** HOI_NGHI_TONG_KET, KY_HOP_HDND, TIEP_CONG_DAN, … */
  @ApiProperty({ enum: MEETING_KIND_VALUES })
  kind!: MeetingSummary['byKind'][number]['kind'];
  meetings!: number;
  attendees!: AttendeeTotalsResponse;
}

export class MeetingSummaryResponse implements MeetingSummary {
  total!: number;
  /** Meetings whose record was corrected after it was first made; each is counted once, as corrected. */
  corrected!: number;
  attendees!: AttendeeTotalsResponse;
  byKind!: MeetingKindFiguresResponse[];
}

export class RecipientTotalsResponse implements RecipientTotals {
  collectives!: number;
  individuals!: number;
  households!: number;
}

export class AwardFiguresResponse {
  /** FORM (giấy khen, bằng khen, cờ thi đua, …) or TITLE (emulation titles). */
  @ApiProperty({ enum: ['FORM', 'TITLE'] })
  awardKind!: 'FORM' | 'TITLE';
  award!: string;
  grants!: number;
  recipients!: RecipientTotalsResponse;
}

export class CommendationSummaryResponse implements CommendationSummary {
  /** Grants in force, counted in the year of the achievement; revoked ones are counted apart. */
  grants!: number;
  revoked!: number;
  recipients!: RecipientTotalsResponse;
  byAward!: AwardFiguresResponse[];
}

export class MovementSummaryResponse implements MovementSummary {
  /** Launched during the year. */
  launched!: number;
  /** Given an interim (sơ kết) or final (tổng kết) review during the year. */
  reviewed!: number;
  /** Given their final review during the year. */
  concluded!: number;
  /** Running at some time during the year. */
  active!: number;
}

export class FiguresResponse implements Figures {
  meetings!: MeetingSummaryResponse;
  commendations!: CommendationSummaryResponse;
  movements!: MovementSummaryResponse;
}

export class WardSummaryResponse extends FiguresResponse implements WardSummary {
  unitCode!: string;
  year!: number;
  /** Present when the summary was asked as of a moment. */
  asOf?: string;
}

export class RolledUpUnitResponse {
  code!: string;
  @ApiProperty({ enum: UNIT_LEVELS })
  level!: UnitLevel;
  name!: string;
}

export class UnitSummaryResponse extends FiguresResponse implements UnitSummary {
  unitCode!: string;
  @ApiProperty({ enum: UNIT_LEVELS })
  level!: UnitLevel;
  name!: string;
  year!: number;
  /** The units rolled up: the unit's own bodies, then every unit below it during that year. */
  units!: RolledUpUnitResponse[];
  /** Present when the summary was asked as of a moment. */
  asOf?: string;
}

export class PredecessorFiguresResponse extends FiguresResponse implements PredecessorFigures {
  code!: string;
  name!: string;
  /** FULL when the whole predecessor went to this ward, PARTIAL when only part of it did. */
  @ApiProperty({ enum: ['FULL', 'PARTIAL'] })
  coverage!: 'FULL' | 'PARTIAL';
}

export class SuccessorViewResponse extends FiguresResponse implements SuccessorView {
  unitCode!: string;
  name!: string;
  year!: number;
  predecessors!: PredecessorFiguresResponse[];
  /** True when some figures come from a predecessor only part of which went to this ward. */
  includesPartialPredecessors!: boolean;
  /** Present when the view was asked as of a moment. */
  asOf?: string;
}
