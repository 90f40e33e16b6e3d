import type { CommendationListItem, MeetingListItem, MovementListItem } from '@civic/projections';

export class AttendeeCountResponse {
  value!: number;
  /** EXACT, APPROX (khoảng, gần) or AT_LEAST (hơn, trên). */
  qualifier!: string;
}

export class MeetingListItemResponse implements MeetingListItem {
  meetingId!: string;
  unitCode!: string;
  kind!: string;
  title!: string;
  heldOn!: string;
  attendeeCount!: AttendeeCountResponse | null;
  corrections!: number;
}

export class BodyAtUnitResponse {
  /** DANG_UY, HDND, UBND, UB_MTTQ, … */
  body!: string;
  unitCode!: string;
}

export class RecipientCountsResponse {
  collectives!: number;
  individuals!: number;
  households!: number;
}

export class CommendationListItemResponse implements CommendationListItem {
  commendationId!: string;
  award!: string;
  awardKind!: string;
  issuer!: BodyAtUnitResponse;
  /** The bodies that granted it with the issuer ("UBND quận và UB MTTQ quận tặng giấy khen"). */
  jointIssuers!: BodyAtUnitResponse[];
  grantedOn!: string;
  /** DAY, MONTH (grantedOn is the month's first day) or ON_OR_BEFORE (grantedOn is the latest it can have been). */
  grantedOnPrecision!: string;
  forYear!: number;
  recipients!: RecipientCountsResponse;
  /** The kinds whose count is not exact, with how (APPROX, AT_LEAST): `{ "collectives": "AT_LEAST" }`. */
  recipientQualifiers!: Record<string, string>;
  /** The legal period the grant falls in (A, B or C), which decides who may grant what. */
  regime!: string;
  revokedOn!: string | null;
}

export class MovementPeriodResponse {
  from!: string;
  to!: string | null;
}

export class MovementListItemResponse implements MovementListItem {
  movementId!: string;
  name!: string;
  kind!: string;
  form!: string;
  scope!: string;
  launchedBy!: BodyAtUnitResponse;
  launchedOn!: string;
  period!: MovementPeriodResponse;
  status!: string;
  concludedOn!: string | null;
}

class PageResponse {
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor!: string | null;
}

export class MeetingPageResponse extends PageResponse {
  items!: MeetingListItemResponse[];
}

export class CommendationPageResponse extends PageResponse {
  items!: CommendationListItemResponse[];
}

export class MovementPageResponse extends PageResponse {
  items!: MovementListItemResponse[];
}
