import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCivicDate, NestedObject, NfcText } from '@civic/platform';
import { AwardChoiceDto, BodyOfUnitDto, RecipientsDto } from '../grant-commendation/grant-commendation.request.dto';

/** POST /v1/commendation-proposals: one body proposes to another that it grant an award (đề nghị khen thưởng). */
export class ProposeCommendationRequestDto extends AwardChoiceDto {
  @NestedObject(() => BodyOfUnitDto)
  proposer!: BodyOfUnitDto;

  /** The body asked to grant. */
  @NestedObject(() => BodyOfUnitDto)
  proposedTo!: BodyOfUnitDto;

  @IsCivicDate()
  proposedOn!: string;

  /** The year of the achievement; the proposal's year when left out. */
  @IsOptional()
  @Min(1945)
  @Max(2100)
  @IsInt()
  forYear?: number;

  @NestedObject(() => RecipientsDto)
  recipients!: RecipientsDto;

  @NfcText(1000)
  reason!: string;

  @IsOptional()
  @IsUUID()
  meetingId?: string;
}
