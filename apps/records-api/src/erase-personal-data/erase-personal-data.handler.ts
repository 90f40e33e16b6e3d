import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt } from '@civic/domain';
import { CommandContext, ErasureDone, ErasureRequest, PersonalDataErasures } from '@civic/event-store';

export class ErasePersonalDataCommand {
  constructor(
    readonly erasure: Omit<ErasureRequest, 'erasedOn'>,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand, ErasureDone | undefined> {
  constructor(private readonly erasures: PersonalDataErasures) {}

  execute({ erasure, context }: ErasePersonalDataCommand): Promise<ErasureDone | undefined> {
    return this.erasures.erase({ ...erasure, erasedOn: civicDateAt(new Date()) }, context);
  }
}
