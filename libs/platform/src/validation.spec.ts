import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { InvalidRequest } from './problem-details';
import { strictValidationPipe } from './validation';

class YearQuery {
  @Type(() => Number)
  @Min(1945)
  @Max(2100)
  @IsInt()
  year!: number;
}

class DistrictQuery extends YearQuery {
  @Matches(/^\d{3}$/)
  code!: string;
}

class CityQuery extends YearQuery {
  @Matches(/^\d{2}$/)
  code!: string;
}

const asQuery = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'custom', metatype });

describe('strictValidationPipe', () => {
  let pipe: ValidationPipe;
  let validations: jest.SpyInstance;

  beforeEach(() => {
    pipe = strictValidationPipe();
    validations = jest.spyOn(ValidationPipe.prototype, 'transform');
  });

  afterEach(() => validations.mockRestore());

  it('validates a path and query once and gives every later request with the same strings its own copy', async () => {
    const first = (await pipe.transform({ code: '007', year: '2023' }, asQuery(DistrictQuery))) as DistrictQuery;
    first.year = 1999;
    const second = (await pipe.transform({ code: '007', year: '2023' }, asQuery(DistrictQuery))) as DistrictQuery;
    expect(second).toBeInstanceOf(DistrictQuery);
    expect(second).toEqual(Object.assign(new DistrictQuery(), { code: '007', year: 2023 }));
    expect(second).not.toBe(first);
    expect(validations).toHaveBeenCalledTimes(1);
  });

  it('keeps what one DTO accepted apart from another DTO given the same strings', async () => {
    await expect(pipe.transform({ code: '01', year: '2023' }, asQuery(CityQuery))).resolves.toEqual(Object.assign(new CityQuery(), { code: '01', year: 2023 }));
    await expect(pipe.transform({ code: '01', year: '2023' }, asQuery(DistrictQuery))).rejects.toBeInstanceOf(InvalidRequest);
  });

  it('refuses a bad input every time it comes, naming the field', async () => {
    for (let i = 0; i < 2; i += 1) {
      const refusal = pipe.transform({ code: '007', year: '2023', extra: 'x' }, asQuery(DistrictQuery));
      await expect(refusal).rejects.toMatchObject({ errors: [{ field: '/extra', message: 'property extra should not exist' }] });
    }
    expect(validations).toHaveBeenCalledTimes(2);
  });

  it('validates bodies and inputs that are not flat strings every time', async () => {
    const body: ArgumentMetadata = { type: 'body', metatype: DistrictQuery };
    await pipe.transform({ code: '007', year: 2023 }, body);
    await pipe.transform({ code: '007', year: 2023 }, body);
    await pipe.transform({ code: '007', year: 2023 }, asQuery(DistrictQuery));
    await pipe.transform({ code: '007', year: 2023 }, asQuery(DistrictQuery));
    expect(validations).toHaveBeenCalledTimes(4);
  });
});
