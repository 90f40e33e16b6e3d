import { CommendationEvent, foldForSearch, recipientCount } from '@civic/domain';
import { RecordedEvent } from '@civic/event-store';
import { Projection, SqlExecutor } from '../projection';

/** One row per commendation, with recipients counted by kind; a revocation marks the row, it never deletes it. */
export const commendationsProjection: Projection = {
  name: 'commendations',
  eventTypes: ['CommendationGranted', 'CommendationRevoked'],
  tables: ['rm_commendations'],

  async apply(sql: SqlExecutor, recorded: RecordedEvent) {
    const event = { type: recorded.type, data: recorded.data } as unknown as CommendationEvent;
    switch (event.type) {
      case 'CommendationGranted': {
        const c = event.data;
        const names = [c.recipients.collectives, c.recipients.individuals, c.recipients.households].flatMap((g) => g?.names ?? []);
        await sql.query(
          `INSERT INTO rm_commendations (commendation_id, stream_id, award_kind, award, commendation_type, issuer_body, issuer_unit,
             grantor_units, granted_on, for_year, collectives, individuals, households, recipient_names_folded, regime)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
           ON CONFLICT (commendation_id) DO NOTHING`,
          [
            c.commendationId,
            recorded.streamId,
            c.award.form ? 'FORM' : 'TITLE',
            c.award.form ?? c.award.title,
            c.commendationType,
            c.issuer.body,
            c.issuer.unitCode,
            [...new Set([c.issuer.unitCode, ...c.jointIssuers.map((j) => j.unitCode)])],
            c.grantedOn,
            c.forYear,
            recipientCount(c.recipients.collectives),
            recipientCount(c.recipients.individuals),
            recipientCount(c.recipients.households),
            names.map(foldForSearch).join('\n'),
            c.regime,
          ],
        );
        return;
      }
      case 'CommendationRevoked':
        await sql.query('UPDATE rm_commendations SET revoked_on = $2, revocation_reason = $3 WHERE commendation_id = $1', [
          event.data.commendationId,
          event.data.revokedOn,
          event.data.reason,
        ]);
        return;
    }
  },
};
