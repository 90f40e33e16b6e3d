import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, EmulationMovementLaunchedData, movementDecider, movementStreamId } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, movementStream } from '@civic/event-store';
import { UnitRegistryReader } from '@civic/admin-units';

export class LaunchEmulationMovementCommand {
  constructor(
    readonly movement: EmulationMovementLaunchedData,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(LaunchEmulationMovementCommand)
export class LaunchEmulationMovementHandler implements ICommandHandler<LaunchEmulationMovementCommand, AppendResult> {
  constructor(
    private readonly processor: CommandProcessor,
    private readonly registry: UnitRegistryReader,
  ) {}

  async execute({ movement, context }: LaunchEmulationMovementCommand): Promise<AppendResult> {
    const units = await this.registry.unitsOnDate([movement.launchedBy.unitCode], movement.launchedOn);
    return this.processor.handle(
      movementDecider,
      movementStream,
      movementStreamId(movement.movementId),
      { type: 'LaunchEmulationMovement', data: movement, metadata: { receivedOn: civicDateAt(new Date()), units } },
      context,
      // A new record under an id the client chose: the stream is read only if it turns out to exist.
      { usuallyNew: true },
    );
  }
}
