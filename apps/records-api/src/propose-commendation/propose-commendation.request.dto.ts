import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DATE_PRECISION_VALUES, DatePrecision } from '@civic/domain';
import { IsCivicDate, NestedObject, NfcText, OneOf } from '@civic/platform';
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

  /** How exact `proposedOn` is: DAY (when left out), MONTH (the month's first day) or ON_OR_BEFORE. */
  @IsOptional()
  @OneOf(DATE_PRECISION_VALUES)
  proposedOnPrecision?: DatePrecision;

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
