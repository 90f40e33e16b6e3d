import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppendResult } from '@civic/event-store';
import { Access, fromBody, HttpRequest, HttpReply } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom } from '../http/command-context';
import { LaunchEmulationMovementRequestDto } from './launch-emulation-movement.request.dto';
import { LaunchEmulationMovementCommand } from './launch-emulation-movement.handler';

@ApiTags('emulation-movements')
@Controller('v1/emulation-movements')
export class LaunchEmulationMovementHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Records the launch of an emulation movement (phong trào thi đua). */
  @Access({ kind: 'record', unit: fromBody('launchedBy.unitCode'), date: fromBody('launchedOn') })
  @ApiCommand({ onExistingRecord: false, ifMatch: 'none' })
  @Post()
  @HttpCode(201)
  async launch(@Body() body: LaunchEmulationMovementRequestDto, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply): Promise<AppendResult> {
    const context = commandContextFrom(request, 'POST /v1/emulation-movements', body);
    const result = await this.commandBus.execute<LaunchEmulationMovementCommand, AppendResult>(
      new LaunchEmulationMovementCommand(
        {
          movementId: randomUUID(),
          name: body.name,
          kind: body.kind,
          form: body.form,
          scope: body.scope,
          launchedBy: { body: body.launchedBy.body, unitCode: body.launchedBy.unitCode },
          launchedOn: body.launchedOn,
          period: { from: body.period.from, to: body.period.to ?? null },
          criteria: body.criteria ?? [],
          parentMovementId: body.parentMovementId ?? null,
          meetingId: body.meetingId ?? null,
        },
        context,
      ),
    );
    response.header('ETag', `"${result.streamVersion}"`);
    response.header('Location', `/v1/emulation-movements/${result.streamId.replace(/^emulation-movement-/, '')}`);
    return result;
  }
}
