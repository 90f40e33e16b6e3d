import { IsOptional, IsUUID } from 'class-validator';
import { MOVEMENT_FORM_VALUES, MOVEMENT_KIND_VALUES, MOVEMENT_SCOPE_VALUES, MovementForm, MovementKind, MovementScope } from '@civic/domain';
import { IsCivicDate, NestedObject, NfcText, NfcTextList, OneOf } from '@civic/platform';
import { BodyOfUnitDto } from '../grant-commendation/grant-commendation.request.dto';

export class MovementPeriodDto {
  @IsCivicDate()
  from!: string;

  /** Left out for an open-ended movement. */
  @IsOptional()
  @IsCivicDate()
  to?: string;
}

/** POST /v1/emulation-movements: a movement (phong trào) or campaign (cuộc vận động) launched by a body of a unit. */
export class LaunchEmulationMovementRequestDto {
  @NfcText(500)
  name!: string;

  @OneOf(MOVEMENT_KIND_VALUES)
  kind!: MovementKind;

  @OneOf(MOVEMENT_FORM_VALUES)
  form!: MovementForm;

  @OneOf(MOVEMENT_SCOPE_VALUES)
  scope!: MovementScope;

  @NestedObject(() => BodyOfUnitDto)
  launchedBy!: BodyOfUnitDto;

  @IsCivicDate()
  launchedOn!: string;

  @NestedObject(() => MovementPeriodDto)
  period!: MovementPeriodDto;

  @IsOptional()
  @NfcTextList(1000, 50)
  criteria?: string[];

  @IsOptional()
  @IsUUID()
  parentMovementId?: string;

  @IsOptional()
  @IsUUID()
  meetingId?: string;
}
