import { randomUUID } from 'node:crypto';
import { UnitRegistryReader } from '@civic/admin-units';
import { AchievementAlreadyAwarded, commendationStreamId, GrantCommendation } from '@civic/domain';
import { MINH_KHAI_UNITS } from '@civic/testing';
import { CommandContext, CommandProcessor, InMemoryEventLog } from '@civic/event-store';
import { PublishedEventContract } from '@civic/messaging';
import { GrantCommendationCommand, GrantCommendationHandler } from './grant-commendation.handler';
import { RevokeCommendationCommand, RevokeCommendationHandler } from '../revoke-commendation/revoke-commendation.handler';
import { AwardReservations } from './award-reservations';

/** One achievement, one award: the grant and revoke handlers on the in-memory log, with the published contract. */
const registry = { unitsOnDate: async (codes: readonly string[]) => Object.fromEntries(codes.map((code) => [code, MINH_KHAI_UNITS[code] ?? null])) } as unknown as UnitRegistryReader;

const context = (idempotencyKey?: string): CommandContext => ({
  metadata: { actor: { subject: 'clerk-00295', roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: 'c', commandId: 'c' },
  newEventId: randomUUID,
  ...(idempotencyKey ? { idempotency: { scope: 'POST /v1/commendations clerk-00295', key: idempotencyKey, requestHash: 'same request' } } : {}),
});

/** Phường Minh Khai's People's Committee commends residents for 2024 (giấy khen). */
function giayKhen(overrides: Partial<GrantCommendation['data']> = {}): GrantCommendation['data'] {
  return {
    commendationId: randomUUID(),
    award: { form: 'GIAY_KHEN' },
    commendationType: 'CONG_TRANG',
    issuer: { body: 'UBND', unitCode: '00295' },
    jointIssuers: [],
    proposer: null,
    grantedOn: '2025-01-20',
    grantedOnPrecision: 'DAY',
    forYear: 2024,
    decisionNumber: null,
    recipients: { individuals: { names: ['Nguyễn Thị Hoa', 'Trần Văn Nam'] } },
    reason: 'Có thành tích xuất sắc trong phong trào thi đua năm 2024',
    posthumous: false,
    meetingId: null,
    movementId: null,
    ...overrides,
  };
}

describe('one achievement, one award', () => {
  let log: InMemoryEventLog;
  let grant: (data: GrantCommendation['data'], key?: string) => Promise<unknown>;
  let revoke: (commendationId: string) => Promise<unknown>;
  beforeEach(() => {
    log = new InMemoryEventLog(new PublishedEventContract());
    const processor = new CommandProcessor(log);
    const reservations = new AwardReservations(log);
    const granting = new GrantCommendationHandler(processor, registry, reservations);
    const revoking = new RevokeCommendationHandler(processor, reservations);
    grant = (data, key) => granting.execute(new GrantCommendationCommand(data, context(key)));
    revoke = (commendationId) => revoking.execute(new RevokeCommendationCommand({ commendationId, revokedOn: '2025-03-01', reason: 'Nhầm người được khen' }, context()));
  });

  it('refuses a second giấy khen of the same issuer for the same year to a recipient already given one, naming the first, storing nothing', async () => {
    const first = giayKhen();
    await grant(first);
    const second = giayKhen({ recipients: { individuals: { names: ['Lê Văn Bình', 'NGUYỄN THỊ HOA'] } } });

    const refusal = await grant(second).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AchievementAlreadyAwarded);
    expect(refusal).toMatchObject({ code: 'COMMENDATION.ACHIEVEMENT_ALREADY_AWARDED', firstGrant: first.commendationId, details: { field: 'recipients' } });
    expect((refusal as AchievementAlreadyAwarded).details.legalBasis).toMatch(/Điều 6/);
    expect(await log.readStream(commendationStreamId(second.commendationId))).toEqual([]);
  });

  it('lets the same recipient be commended for another year, with another award, or by another issuer', async () => {
    await grant(giayKhen());
    await expect(grant(giayKhen({ forYear: 2023 }))).resolves.toBeDefined();
    await expect(grant(giayKhen({ award: { title: 'LAO_DONG_TIEN_TIEN' } }))).resolves.toBeDefined();
    await expect(grant(giayKhen({ issuer: { body: 'UB_MTTQ', unitCode: '00295' } }))).resolves.toBeDefined();
  });

  it('knows a grant that only counts its recipients by its whole description: the same counts and reason', async () => {
    const counted = { recipients: { collectives: { count: 7, qualifier: 'EXACT' as const }, individuals: { count: 3, qualifier: 'EXACT' as const } } };
    const first = giayKhen(counted);
    await grant(first);
    await expect(grant(giayKhen(counted))).rejects.toMatchObject({ firstGrant: first.commendationId });
    await expect(grant(giayKhen({ ...counted, reason: 'Có thành tích trong công tác phòng cháy chữa cháy năm 2024' }))).resolves.toBeDefined();
  });

  it('lets an achievement be commended again once the grant holding it is revoked', async () => {
    const first = giayKhen();
    await grant(first);
    await revoke(first.commendationId);
    await expect(grant(giayKhen())).resolves.toBeDefined();
  });

  it('grants one of several identical grants sent at once; the others are refused naming it', async () => {
    const grants = Array.from({ length: 5 }, () => giayKhen());
    const outcomes = await Promise.allSettled(grants.map((data) => grant(data)));

    const granted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(granted).toHaveLength(1);
    const winner = grants[outcomes.findIndex((outcome) => outcome.status === 'fulfilled')].commendationId;
    for (const outcome of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) expect(outcome.reason).toMatchObject({ firstGrant: winner });
  });

  it('answers a retry of the same request with its first answer, not as a second grant', async () => {
    const data = giayKhen();
    const key = randomUUID();
    const first = await grant(data, key);
    expect(await grant({ ...data, commendationId: randomUUID() }, key)).toEqual(first);
  });
});
