import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { DataKeyParams, DataKeyResponse } from './personal-data-keys.dto';
import { Access, ApiProblems } from '@civic/platform';
import { PersonalDataErasedKey, PersonalDataReads } from './personal-data-reads';

/**
 * The data key of one person in one record, for a consumer of the Kafka stream authorised to read names (role
 * integration-reader): it opens the values sealed with it (docs/adr/0059). 410 once the person's data was erased:
 * a consumer that kept the name must then drop it. Never cached: an erasure takes effect at once.
 */
@ApiTags('personal-data')
@Controller('v1/personal-data/keys')
export class PersonalDataKeysHttpController {
  constructor(private readonly personalData: PersonalDataReads) {}

  @Get(':keyId')
  @Access({ kind: 'personal-data-key' })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: DataKeyResponse })
  @ApiProblems(400, 404, 410, 503)
  async key(@Param() { keyId }: DataKeyParams): Promise<DataKeyResponse> {
    const lookup = await this.personalData.dataKey(keyId);
    if (lookup.state === 'unknown') throw new NotFoundException(`No data key ${keyId} is kept here.`);
    if (lookup.state === 'erased') throw new PersonalDataErasedKey(keyId, lookup.erasedAt, lookup.erasureId);
    return { keyId, algorithm: 'AES-256-GCM', key: lookup.key.toString('base64url'), sealedValueFormat: 'pd1.<keyId>.<base64url(iv[12] ‖ ciphertext ‖ tag[16])>, associated data "pd1.<keyId>"' };
  }
}
