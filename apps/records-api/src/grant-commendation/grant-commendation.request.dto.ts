import { IsBoolean, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import {
  CIVIC_BODY_VALUES,
  CivicBody,
  COMMENDATION_FORM_VALUES,
  COMMENDATION_TYPE_VALUES,
  COUNT_QUALIFIER_VALUES,
  CountQualifier,
  DATE_PRECISION_VALUES,
  DatePrecision,
  CommendationForm,
  CommendationType,
  EMULATION_TITLE_VALUES,
  EmulationTitle,
  RecipientGroup,
  Recipients,
  UNIT_CODE_PATTERN,
} from '@civic/domain';
import { ExactlyOneOf, IsCivicDate, NestedList, NestedObject, NfcText, NfcTextList, OneOf, OnlyWhen } from '@civic/platform';

export class BodyOfUnitDto {
  @OneOf(CIVIC_BODY_VALUES)
  body!: CivicBody;

  @Matches(UNIT_CODE_PATTERN, { message: '$property must be an official unit code: 2, 3 or 5 digits' })
  unitCode!: string;
}

/** Either how many ("41 tập thể") or who, by name. */
export class RecipientGroupDto {
  // Checked when given, or when names are missing too (then "give exactly one" is the error).
  @ValidateIf((group: RecipientGroupDto) => group.count !== undefined || group.names === undefined)
  @Min(1)
  @Max(1_000_000)
  @IsInt()
  @ExactlyOneOf(['count', 'names'])
  count?: number;

  /** How exact the count is: "khoảng 40" APPROX, "hơn 40" AT_LEAST; EXACT when left out. Only with a count. */
  @IsOptional()
  @OnlyWhen('count')
  @OneOf(COUNT_QUALIFIER_VALUES)
  qualifier?: CountQualifier;

  @IsOptional()
  @NfcTextList(300, 2000)
  names?: string[];
}

export class RecipientsDto {
  @NestedObject(() => RecipientGroupDto, { optional: true })
  collectives?: RecipientGroupDto;

  @NestedObject(() => RecipientGroupDto, { optional: true })
  individuals?: RecipientGroupDto;

  @NestedObject(() => RecipientGroupDto, { optional: true })
  households?: RecipientGroupDto;
}

/** The recipients as the domain holds them: each group a count or names, groups not given left out. */
export function recipientsFrom(dto: RecipientsDto): Recipients {
  return Object.fromEntries(
    (['collectives', 'individuals', 'households'] as const).flatMap((kind) => {
      const group = dto[kind];
      if (!group) return [];
      const held: RecipientGroup = group.names ? { names: group.names } : { count: group.count ?? 0, qualifier: group.qualifier ?? 'EXACT' };
      return [[kind, held]];
    }),
  );
}

/** The award a command names: a form of commendation or an emulation title, exactly one of them. */
export class AwardChoiceDto {
  @ValidateIf((dto: AwardChoiceDto) => dto.form !== undefined || dto.title === undefined)
  @OneOf(COMMENDATION_FORM_VALUES)
  @ExactlyOneOf(['form', 'title'])
  form?: CommendationForm;

  @IsOptional()
  @OneOf(EMULATION_TITLE_VALUES)
  title?: EmulationTitle;
}

/** POST /v1/commendations: a form of commendation or an emulation title granted to recipients. */
export class GrantCommendationRequestDto extends AwardChoiceDto {
  @OneOf(COMMENDATION_TYPE_VALUES)
  commendationType!: CommendationType;

  @NestedObject(() => BodyOfUnitDto)
  issuer!: BodyOfUnitDto;

  @NestedList(() => BodyOfUnitDto, { optional: true, maxItems: 10 })
  jointIssuers?: BodyOfUnitDto[];

  @NestedObject(() => BodyOfUnitDto, { optional: true })
  proposer?: BodyOfUnitDto;

  @IsCivicDate()
  grantedOn!: string;

  /**
   * How exact `grantedOn` is: DAY (when left out); MONTH, written as the month's first day; ON_OR_BEFORE, the
   * latest it can have been (a decision an article reports at a meeting, without its date).
   */
  @IsOptional()
  @OneOf(DATE_PRECISION_VALUES)
  grantedOnPrecision?: DatePrecision;

  /** The year of the achievement ("thành tích năm 2020"); the grant year when left out. */
  @IsOptional()
  @Min(1945)
  @Max(2100)
  @IsInt()
  forYear?: number;

  @IsOptional()
  @NfcText(100)
  decisionNumber?: string;

  @NestedObject(() => RecipientsDto)
  recipients!: RecipientsDto;

  @NfcText(1000)
  reason!: string;

  @IsOptional()
  @IsBoolean()
  posthumous?: boolean;

  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @IsOptional()
  @IsUUID()
  movementId?: string;
}
