// The shapes of the API answers the page reads (the OpenAPI document at /docs has them whole).

export interface UnitVersion {
  readonly code: string;
  readonly level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  readonly name: string;
  readonly type: string;
  readonly parentCode: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly successors?: readonly { readonly code: string; readonly name: string | null; readonly coverage: string }[];
}

export interface Recipients {
  readonly collectives: number;
  readonly individuals: number;
  readonly households: number;
}

export interface Figures {
  readonly meetings: { readonly total: number; readonly corrected: number; readonly attendees: { readonly total: number; readonly approximate: number; readonly atLeast: number }; readonly byKind: readonly { readonly kind: string; readonly meetings: number }[] };
  readonly commendations: { readonly grants: number; readonly revoked: number; readonly recipients: Recipients; readonly recipientsNotExact: Recipients; readonly byAward: readonly { readonly award: string; readonly grants: number; readonly recipients: Recipients }[] };
  readonly movements: { readonly launched: number; readonly reviewed: number; readonly concluded: number; readonly active: number };
}

export interface ChildFigures extends Figures {
  readonly code: string;
  readonly level: string;
  readonly name: string;
  readonly from: string | null;
  readonly to: string | null;
}

export interface Summary extends Figures {
  readonly unitCode: string;
  readonly name: string;
  readonly year: number;
  readonly mapChangedDuringYear: boolean;
  readonly units?: readonly { readonly code: string; readonly name: string; readonly level: string; readonly from: string; readonly to: string }[];
  readonly versions?: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  readonly children?: readonly ChildFigures[];
  readonly asOf?: string;
}

export interface SeriesPeriod {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly meetings: { readonly total: number; readonly byKind: readonly { readonly kind: string; readonly meetings: number }[] };
  readonly commendations: { readonly grants: number; readonly recipients: Recipients; readonly byAward: readonly { readonly award: string; readonly grants: number }[] };
  readonly movements: { readonly launched: number };
}

export interface Series {
  readonly name: string;
  readonly periods: readonly SeriesPeriod[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface MeetingItem {
  readonly meetingId: string;
  readonly unitCode: string;
  readonly kind: string;
  readonly title: string;
  readonly heldOn: string;
  readonly attendeeCount: { readonly value: number; readonly qualifier: string } | null;
}

export interface BodyAtUnit {
  readonly body: string;
  readonly unitCode: string;
}

export interface CommendationItem {
  readonly commendationId: string;
  readonly award: string;
  readonly issuer: BodyAtUnit;
  readonly jointIssuers: readonly BodyAtUnit[];
  readonly grantedOn: string;
  readonly forYear: number;
  readonly recipients: Recipients;
  readonly revokedOn: string | null;
}

export interface MovementItem {
  readonly movementId: string;
  readonly name: string;
  readonly launchedBy: BodyAtUnit;
  readonly launchedOn: string;
  readonly period: { readonly from: string; readonly to: string | null };
  readonly status: string;
}

export interface SuccessorView extends Figures {
  readonly unitCode: string;
  readonly name: string;
  readonly year: number;
  readonly predecessors: readonly (Figures & { readonly code: string; readonly name: string; readonly coverage: string; readonly from: string; readonly to: string })[];
  readonly includesPartialPredecessors: boolean;
}
