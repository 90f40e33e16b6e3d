import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsString, MetadataStorage, Min, registerDecorator, validate, ValidateNested, ValidationError } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { rememberValidationRules } from './validation-rules-memory';

class PersonDto {
  @IsString()
  fullName!: string;
}

class BaseDto {
  @IsString()
  unitCode!: string;
}

class MeetingDto extends BaseDto {
  @Min(1)
  @IsInt()
  attendees!: number;

  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  chairs!: PersonDto[];
}

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } };

function summary(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => [...Object.keys(e.constraints ?? {}).map((c) => `${parent}/${e.property}:${c}`), ...summary(e.children ?? [], `${parent}/${e.property}`)]);
}

async function errorsOf(body: object): Promise<string[]> {
  return summary(await validate(plainToInstance(MeetingDto, body), OPTIONS)).sort();
}

const BODIES = [
  { unitCode: '00295', attendees: 80, chairs: [{ fullName: 'Nguyễn Thị Thanh Hương' }] },
  { unitCode: 295, attendees: 0.5, chairs: [{ fullName: 7 }, { extra: 1 }], unknown: true },
  {},
];

describe('rememberValidationRules', () => {
  it('validates exactly as class-validator alone does: inherited rules, nested objects, unknown properties', async () => {
    const before = await Promise.all(BODIES.map(errorsOf));
    expect(before[1]).toEqual(
      ['/attendees:isInt', '/attendees:min', '/chairs/0/fullName:isString', '/chairs/1/extra:whitelistValidation', '/chairs/1/fullName:isString', '/unitCode:isString', '/unknown:whitelistValidation'].sort(),
    );
    rememberValidationRules();
    for (let pass = 0; pass < 2; pass++) expect(await Promise.all(BODIES.map(errorsOf))).toEqual(before);
  });

  it('answers a class’s rules from memory, and forgets them all when a rule is registered', () => {
    const [personRule] = getMetadataStorage().getTargetValidationMetadatas(PersonDto, '', false, false);
    const [baseRule] = getMetadataStorage().getTargetValidationMetadatas(BaseDto, '', false, false);
    const storage = new MetadataStorage();
    storage.addValidationMetadata(personRule);
    const real = jest.spyOn(storage, 'getTargetValidationMetadatas');
    rememberValidationRules(storage);
    const rules = storage.getTargetValidationMetadatas(PersonDto, '', false, false);
    expect(rules).toEqual([personRule]);
    expect(storage.getTargetValidationMetadatas(PersonDto, '', false, false)).toBe(rules);
    expect(real).toHaveBeenCalledTimes(1);
    expect(storage.groupByPropertyName(rules)).toBe(storage.groupByPropertyName(rules));

    storage.addValidationMetadata(baseRule);
    expect(storage.getTargetValidationMetadatas(PersonDto, '', false, false)).not.toBe(rules);
    expect(real).toHaveBeenCalledTimes(2);
    expect(storage.getTargetValidationMetadatas(BaseDto, '', false, false)).toEqual([baseRule]);
  });

  it('sees a rule registered on a class after its rules were first looked up', async () => {
    rememberValidationRules();
    class LateDto {
      @IsString()
      name!: string;
    }
    expect(await validate(plainToInstance(LateDto, { name: 'x' }))).toHaveLength(0);
    registerDecorator({ target: LateDto, propertyName: 'name', validator: { validate: (value: unknown) => value !== 'x' }, options: { message: 'not x' } });
    expect(summary(await validate(plainToInstance(LateDto, { name: 'x' })))).toEqual(['/name:customValidation']);
  });

  it('does not remember lookups with validation groups', () => {
    const storage = new MetadataStorage();
    rememberValidationRules(storage);
    expect(storage.getTargetValidationMetadatas(MeetingDto, '', false, false, ['g'])).not.toBe(storage.getTargetValidationMetadatas(MeetingDto, '', false, false, ['g']));
  });
});
