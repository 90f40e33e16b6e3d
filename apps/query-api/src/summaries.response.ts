import { ApiProperty } from '@nestjs/swagger';
import type { AttendeeTotals, CommendationSummary, Figures, MeetingSummary, MovementSummary, RecipientTotals } from '@civic/projections';
import { MEETING_KIND_VALUES, type UnitLevel } from '@civic/domain';

export const UNIT_LEVELS: UnitLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
import type { PredecessorFigures, SuccessorView } from './successor-view/successor-view.handler';
import type { RolledUpUnit, UnitSummary } from './unit-summary/unit-summary.handler';
import type { ChildFigures } from './unit-summary/child-breakdown';
import type { FormerUnitWithCode, WardSummary, WardVersion } from './ward-summary/ward-summary.handler';

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
  /** The part of `recipients` from counts given as approximate ("khoảng") or a lower bound ("hơn"). */
  recipientsNotExact!: RecipientTotalsResponse;
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

export class WardVersionResponse implements WardVersion {
  name!: string;
  /** The district (before 2025-07-01) or province the ward belonged to. */
  parentCode!: string | null;
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
}

export class FormerUnitWithCodeResponse extends FiguresResponse implements FormerUnitWithCode {
  name!: string;
  /** The days of the year it held the code. */
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
}

export class WardSummaryResponse extends FiguresResponse implements WardSummary {
  unitCode!: string;
  year!: number;
  /** The ward as it was at the end of the year, or on its last day if it ended during the year. */
  name!: string;
  /** Its versions during the year (renamed, moved to another district), with their dates. */
  versions!: WardVersionResponse[];
  /** True when the ward held its code for only part of the year, or changed during it. */
  mapChangedDuringYear!: boolean;
  /**
   * Other units that held the code earlier in the year (a code passes to the unit a ward merged into): their
   * facts are theirs, shown apart, never in this ward's figures.
   */
  formerUnitsWithThisCode!: FormerUnitWithCodeResponse[];
  /** Present when the summary was asked as of a moment. */
  asOf?: string;
}

export class RolledUpUnitResponse implements RolledUpUnit {
  code!: string;
  @ApiProperty({ enum: UNIT_LEVELS })
  level!: UnitLevel;
  name!: string;
  /** The first day of the year on which this version's facts count here (YYYY-MM-DD). */
  @ApiProperty({ format: 'date' })
  from!: string;
  /** The last such day: earlier than 31 December when the unit left this summary during the year. */
  @ApiProperty({ format: 'date' })
  to!: string;
}

export class UnitSummaryResponse extends FiguresResponse implements UnitSummary {
  unitCode!: string;
  @ApiProperty({ enum: UNIT_LEVELS })
  level!: UnitLevel;
  name!: string;
  year!: number;
  /**
   * The unit versions rolled up, each with the dates of the year during which its facts count here: a fact belongs
   * to the unit version that held its code on its date, under the hierarchy of that date.
   */
  units!: RolledUpUnitResponse[];
  /** True when some unit was in this summary for only part of the year (merged, moved, renamed, abolished). */
  mapChangedDuringYear!: boolean;
  /** With `breakdown=children`: the figures of each unit directly below, with everything below it. */
  children?: ChildFiguresResponse[];
  /** Present when the summary was asked as of a moment. */
  asOf?: string;
}

export class ChildFiguresResponse extends FiguresResponse implements ChildFigures {
  code!: string;
  @ApiProperty({ enum: UNIT_LEVELS })
  level!: UnitLevel;
  /** A child renamed or moved during the year has a row per name. */
  name!: string;
  /** The days of the year it sat below the unit; null when it did so only outside the year (a grant for the year made later). */
  @ApiProperty({ format: 'date', type: String, nullable: true })
  from!: string | null;
  @ApiProperty({ format: 'date', type: String, nullable: true })
  to!: string | null;
}

export class PredecessorFiguresResponse extends FiguresResponse implements PredecessorFigures {
  code!: string;
  name!: string;
  /** FULL when all of it went, through every step, into this ward; PARTIAL when only part of it did. */
  @ApiProperty({ enum: ['FULL', 'PARTIAL'] })
  coverage!: 'FULL' | 'PARTIAL';
  /** The days of the year on which its facts count here: until it was merged or split. */
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
}

export class SuccessorViewResponse extends FiguresResponse implements SuccessorView {
  unitCode!: string;
  name!: string;
  year!: number;
  /**
   * Every unit whose territory went, directly or through earlier mergers, into this ward and that existed during
   * the year, with its own figures up to the day it ended.
   */
  predecessors!: PredecessorFiguresResponse[];
  /** True when some figures come from a predecessor only part of which went to this ward. */
  includesPartialPredecessors!: boolean;
  /** Present when the view was asked as of a moment. */
  asOf?: string;
}
