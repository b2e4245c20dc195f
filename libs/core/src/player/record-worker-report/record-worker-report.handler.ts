import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { RecordWorkerReportCommand } from './record-worker-report.command';

@CommandHandler(RecordWorkerReportCommand)
export class RecordWorkerReportHandler implements ICommandHandler<RecordWorkerReportCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ report, context }: RecordWorkerReportCommand) {
    return decidePlayer(this.store, report, context);
  }
}
