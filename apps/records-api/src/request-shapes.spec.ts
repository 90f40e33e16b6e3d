import 'reflect-metadata';
import fc from 'fast-check';
import { ValidationTypes } from 'class-validator';
import { InvalidRequest, strictValidationPipe } from '@civic/platform';
import { commendationBody, correctionBody, DtoClass, erasureBody, dtoTree, meetingBody, movementBody, namesThePlace, revocationBody, reviewBody, rulesOf, wrongBodiesOf } from '@civic/testing';
import { RecordMeetingRequestDto } from './record-meeting/record-meeting.request.dto';
import { CorrectMeetingRequestDto } from './correct-meeting/correct-meeting.request.dto';
import { GrantCommendationRequestDto } from './grant-commendation/grant-commendation.request.dto';
import { RevokeCommendationRequestDto } from './revoke-commendation/revoke-commendation.request.dto';
import { LaunchEmulationMovementRequestDto } from './launch-emulation-movement/launch-emulation-movement.request.dto';
import { ReviewEmulationMovementRequestDto } from './review-emulation-movement/review-emulation-movement.request.dto';
import { ErasePersonalDataRequestDto } from './erase-personal-data/erase-personal-data.request.dto';

const COMMANDS: readonly { route: string; dto: DtoClass; bodies: fc.Arbitrary<Record<string, unknown>> }[] = [
  { route: 'POST /v1/meetings', dto: RecordMeetingRequestDto, bodies: meetingBody() },
  { route: 'POST /v1/meetings/{id}/corrections', dto: CorrectMeetingRequestDto, bodies: correctionBody() },
  { route: 'POST /v1/commendations', dto: GrantCommendationRequestDto, bodies: commendationBody() },
  { route: 'POST /v1/commendations/{id}/revocation', dto: RevokeCommendationRequestDto, bodies: revocationBody('2021-01-01') },
  { route: 'POST /v1/emulation-movements', dto: LaunchEmulationMovementRequestDto, bodies: movementBody() },
  { route: 'POST /v1/emulation-movements/{id}/reviews', dto: ReviewEmulationMovementRequestDto, bodies: reviewBody('2021-01-01') },
  { route: 'POST /v1/personal-data/erasures', dto: ErasePersonalDataRequestDto, bodies: erasureBody('7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6') },
];

async function refusal(dto: DtoClass, body: unknown): Promise<InvalidRequest | undefined> {
  try {
    await strictValidationPipe().transform(body, { type: 'body', metatype: dto as never });
    return undefined;
  } catch (error) {
    if (error instanceof InvalidRequest) return error;
    throw error;
  }
}

describe('Request bodies of every command: what has a shape is checked for it', () => {
  it.each(COMMANDS.map((c) => [c.route, c.dto] as const))('%s: every nested field is checked to be one object or a list of objects, not only walked into', (_, dto) => {
    const unchecked: string[] = [];
    for (const nested of dtoTree(dto)) {
      const rules = rulesOf(nested);
      for (const rule of rules.filter((r) => r.type === ValidationTypes.NESTED_VALIDATION)) {
        const shapeChecked = rules.some((r) => r.propertyName === rule.propertyName && r.name === 'isObject');
        const presenceDecided = rules.some((r) => r.propertyName === rule.propertyName && (r.type === ValidationTypes.IS_DEFINED || r.name === 'isOptional'));
        if (!shapeChecked || !presenceDecided) unchecked.push(`${nested.name}.${rule.propertyName}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  it.each(COMMANDS.map((c) => [c.route, c] as const))('%s: generated valid bodies pass', async (_, { dto, bodies }) => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => expect((await refusal(dto, body))?.errors).toBeUndefined()),
      { seed: 2027, numRuns: 150 },
    );
  });

  it.each(COMMANDS.map((c) => [c.route, c] as const))('%s: a wrong shape anywhere is refused, naming where', async (_, { dto, bodies }) => {
    const cases = bodies.chain((body) => fc.constantFrom(...wrongBodiesOf(body, dto)));
    await fc.assert(
      fc.asyncProperty(cases, async ({ pointer, what, body }) => {
        // Refused, and one error names the place or the list or object that holds it.
        expect({ what, pointer, named: namesThePlace((await refusal(dto, body))?.errors, pointer) }).toEqual({ what, pointer, named: true });
      }),
      { seed: 2027, numRuns: 400 },
    );
  });

  it('refuses chairedBy given as a list, the first contract’s shape, naming it and pointing to chairs', async () => {
    const body = { ...fc.sample(meetingBody(), { seed: 1, numRuns: 1 })[0], chairedBy: [{ fullName: 'Nguyễn Văn A', role: 'Chủ tịch' }] };
    expect((await refusal(RecordMeetingRequestDto, body))?.errors).toEqual([{ field: '/chairedBy', message: 'chairedBy must be one object {…}, not a list or a single value' }]);
  });

  it('refuses a grant without recipients as a wrong field, not a server error', async () => {
    const { recipients: _, ...body } = fc.sample(commendationBody(), { seed: 1, numRuns: 1 })[0];
    expect((await refusal(GrantCommendationRequestDto, body))?.errors).toEqual([{ field: '/recipients', message: 'recipients is required' }]);
  });
});
