import { IsOptional, Matches, MinLength } from 'class-validator';
import { UNIT_CODE_PATTERN } from '@civic/domain';
import { IsCivicDate, NfcText } from '@civic/platform';

const CODE_MESSAGE = '$property must be an official unit code: 2 (province), 3 (district) or 5 (commune/ward) digits';

export class UnitCodePath {
  @Matches(UNIT_CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;
}

export class UnitCodeRequest extends UnitCodePath {
  /** The date the question is asked about; today in Việt Nam when left out. */
  @IsOptional()
  @IsCivicDate()
  asOf?: string;
}

export class UnitSearchRequest {
  @MinLength(2)
  @NfcText(100)
  name!: string;

  @IsOptional()
  @IsCivicDate()
  asOf?: string;
}
