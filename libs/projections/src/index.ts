import { meetingsProjection } from './meetings/meetings.projection';
import { Projection } from './projection';
import { CreateProjectionTables1763856000100 } from './migrations/1763856000100-create-projection-tables';
import { SuccessionLegalBasis1763856001100 } from './migrations/1763856001100-succession-legal-basis';
import { CommendationJointIssuers1763856001200 } from './migrations/1763856001200-commendation-joint-issuers';
import { CreateUnitRegistryTables1763856000200 } from './migrations/1763856000200-create-unit-registry-tables';
import { adminUnitsProjection } from './admin-units/admin-units.projection';
import { CreateCommendationTables1763856000300 } from './migrations/1763856000300-create-commendation-tables';
import { commendationsProjection } from './commendations/commendations.projection';
import { CountMeetingCorrections1763856000400 } from './migrations/1763856000400-count-meeting-corrections';
import { CreateMovementTables1763856000500 } from './migrations/1763856000500-create-movement-tables';
import { movementsProjection } from './movements/movements.projection';
import { CreateDeadLetterTables1763856000700 } from './migrations/1763856000700-create-dead-letter-tables';
import { NotifyReadModelChanges1763856000800 } from './migrations/1763856000800-notify-read-model-changes';
import { CreateProposalTables1763856001300 } from './migrations/1763856001300-create-proposal-tables';
import { VagueFacts1763856001400 } from './migrations/1763856001400-vague-facts';
import { CommendationWithdrawals1763856001500 } from './migrations/1763856001500-commendation-withdrawals';
import { proposalsProjection } from './proposals/proposals.projection';

export * from './projection';
export * from './runner/projection-runner';
export * from './runner/kafka-projector';
export * from './meetings/meetings.projection';
export * from './meetings/ward-summary.reader';
export * from './admin-units/admin-units.projection';
export * from './commendations/commendations.projection';
export * from './commendations/commendation-summary.reader';
export * from './movements/movements.projection';
export * from './movements/movement-summary.reader';
export * from './proposals/proposals.projection';
export * from './proposals/proposal-list.reader';
export * from './unit-spans';

export const PROJECTION_MIGRATIONS = [CreateProjectionTables1763856000100, CreateUnitRegistryTables1763856000200, CreateCommendationTables1763856000300, CountMeetingCorrections1763856000400, CreateMovementTables1763856000500, CreateDeadLetterTables1763856000700, NotifyReadModelChanges1763856000800, SuccessionLegalBasis1763856001100, CommendationJointIssuers1763856001200, CreateProposalTables1763856001300, VagueFacts1763856001400, CommendationWithdrawals1763856001500];

/** Every read model the projector maintains. */
export const ALL_PROJECTIONS: readonly Projection[] = [meetingsProjection, commendationsProjection, movementsProjection, proposalsProjection, adminUnitsProjection];
export * from './lists/cursor';
export * from './lists/list-readers';
export * from './runner/rebuild-from-log';
export * from './point-in-time/read-models-at';
export * from './runner/dead-letters/dead-letter-store';
export * from './runner/dead-letters/dead-letter-operations';
export * from './runner/dead-letters/transient-error';
export * from './rebuild/shadow-rebuild';
export { SHADOW_SCHEMA, RETIRED_SCHEMA } from './rebuild/shadow-schema';
export * from './point-in-time/read-model-snapshots';
export * from './point-in-time/snapshot-thread';
export { dropSnapshots, SNAPSHOT_SCHEMA } from './point-in-time/snapshot-tables';
