import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, NotFoundException, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DEFAULT_ERASURE_LEGAL_BASIS } from '@civic/domain';
import { ErasureDone } from '@civic/event-store';
import { Access, HttpReply, HttpRequest } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom } from '../http/command-context';
import { ErasePersonalDataRequestDto } from './erase-personal-data.request.dto';
import { ErasePersonalDataCommand } from './erase-personal-data.handler';

@ApiTags('personal-data')
@Controller('v1/personal-data/erasures')
export class ErasePersonalDataHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * Erases a person's name from a record at their request: the keys that sealed it are destroyed, so every read, the
   * audit and Kafka's copies show it as erased; counts and summaries do not change. Recorded as PersonalDataErased
   * (the keys, reason, legal basis and who, never the name). Administrators only.
   */
  @Access({ kind: 'erasure' })
  @ApiCommand({ onExistingRecord: true, ifMatch: 'none' })
  @Post()
  @HttpCode(201)
  async erase(@Body() body: ErasePersonalDataRequestDto, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply) {
    const context = commandContextFrom(request, 'POST /v1/personal-data/erasures', body);
    const done = await this.commandBus.execute<ErasePersonalDataCommand, ErasureDone | undefined>(
      new ErasePersonalDataCommand(
        { erasureId: randomUUID(), recordStreamId: body.streamId, personName: body.personName, reason: body.reason, legalBasis: body.legalBasis ?? DEFAULT_ERASURE_LEGAL_BASIS },
        context,
      ),
    );
    if (!done) throw new NotFoundException(`No record ${body.streamId} is in the log.`);
    response.header('Location', `/v1/audit/streams/${done.result.streamId}`);
    return { ...done.result, erasure: done.erasure };
  }
}
