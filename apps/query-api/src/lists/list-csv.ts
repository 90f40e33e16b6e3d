import { recipientCount } from '@civic/domain';
import { CommendationListItem, MeetingListItem, MovementListItem, Page, ProposalItem } from '@civic/projections';
import { CsvColumn, CsvTable } from '../csv/csv-answer';

type BodyAtUnit = { readonly body: string; readonly unitCode: string };
const bodies = (list: readonly BodyAtUnit[]) => list.map(({ body, unitCode }) => `${body} ${unitCode}`).join('; ');

/** A page of a list as a table: its items, the cursor of the next page in a Link header. */
function pageTable<Item>(name: string, columns: readonly CsvColumn<Item>[]): CsvTable<Page<Item>, Item> {
  return { name, rows: (page) => page.items, columns, nextCursor: (page) => page.nextCursor };
}

export const MEETINGS_CSV = pageTable<MeetingListItem>('meetings', [
  ['meetingId', (m) => m.meetingId],
  ['unitCode', (m) => m.unitCode],
  ['kind', (m) => m.kind],
  ['title', (m) => m.title],
  ['heldOn', (m) => m.heldOn],
  ['attendees', (m) => m.attendeeCount?.value],
  ['attendeesQualifier', (m) => m.attendeeCount?.qualifier],
  ['corrections', (m) => m.corrections],
]);

export const COMMENDATIONS_CSV = pageTable<CommendationListItem>('commendations', [
  ['commendationId', (c) => c.commendationId],
  ['award', (c) => c.award],
  ['awardKind', (c) => c.awardKind],
  ['issuerBody', (c) => c.issuer.body],
  ['issuerUnitCode', (c) => c.issuer.unitCode],
  ['jointIssuers', (c) => bodies(c.jointIssuers)],
  ['grantedOn', (c) => c.grantedOn],
  ['grantedOnPrecision', (c) => c.grantedOnPrecision],
  ['forYear', (c) => c.forYear],
  ['collectives', (c) => c.recipients.collectives],
  ['individuals', (c) => c.recipients.individuals],
  ['households', (c) => c.recipients.households],
  ['countsNotExact', (c) => Object.entries(c.recipientQualifiers).map(([kind, qualifier]) => `${kind} ${qualifier}`).join('; ')],
  ['regime', (c) => c.regime],
  ['revokedOn', (c) => c.revokedOn],
]);

export const MOVEMENTS_CSV = pageTable<MovementListItem>('emulation-movements', [
  ['movementId', (m) => m.movementId],
  ['name', (m) => m.name],
  ['kind', (m) => m.kind],
  ['form', (m) => m.form],
  ['scope', (m) => m.scope],
  ['launcherBody', (m) => m.launchedBy.body],
  ['launcherUnitCode', (m) => m.launchedBy.unitCode],
  ['launchedOn', (m) => m.launchedOn],
  ['periodFrom', (m) => m.period.from],
  ['periodTo', (m) => m.period.to],
  ['status', (m) => m.status],
  ['concludedOn', (m) => m.concludedOn],
]);

export const PROPOSALS_CSV = pageTable<ProposalItem>('commendation-proposals', [
  ['proposalId', (p) => p.proposalId],
  ['proposerBody', (p) => p.proposer.body],
  ['proposerUnitCode', (p) => p.proposer.unitCode],
  ['proposedToBody', (p) => p.proposedTo.body],
  ['proposedToUnitCode', (p) => p.proposedTo.unitCode],
  ['proposedOn', (p) => p.proposedOn],
  ['proposedOnPrecision', (p) => p.proposedOnPrecision],
  ['award', (p) => p.award],
  ['forYear', (p) => p.forYear],
  ['collectives', (p) => recipientCount(p.recipients.collectives)],
  ['individuals', (p) => recipientCount(p.recipients.individuals)],
  ['households', (p) => recipientCount(p.recipients.households)],
  ['reason', (p) => p.reason],
  ['status', (p) => p.status],
  ['decidedOn', (p) => p.decision?.decidedOn],
  ['commendationId', (p) => p.decision?.commendationId],
  ['decisionNumber', (p) => p.decision?.decisionNumber],
  ['refusalReason', (p) => p.decision?.reason],
]);
