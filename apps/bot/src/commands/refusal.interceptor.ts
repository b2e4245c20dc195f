import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { BaseInteraction, Message } from 'discord.js';
import { NecordExecutionContext } from 'necord';
import { catchError, from, type Observable } from 'rxjs';
import { refusalFor } from '#core';
import { replyToFailure } from '../replies/refusal-reply';
import { replyToInteraction, replyToMessage } from './discord-reply';

/**
 * The one place a Discord command's failure becomes an answer: a refusal (the domain's, a missing
 * permission, a bad argument) is told to the member who asked, from the map every door shares, as an
 * ephemeral reply to a slash command or a reply to a prefix command; a fault is logged and answered
 * without its insides. Bound to every command provider and to the prefix listener.
 */
@Injectable()
export class DiscordRefusalInterceptor implements NestInterceptor {
  private readonly logger = new Logger('DiscordCommands');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'necord') return next.handle();
    const [source] = NecordExecutionContext.create(context).getContext<unknown[]>();
    return next.handle().pipe(catchError((error: unknown) => from(this.answer(source, error))));
  }

  private async answer(source: unknown, error: unknown): Promise<void> {
    if (!refusalFor(error)) this.logger.error(error);
    const reply = replyToFailure(error);
    try {
      if (source instanceof BaseInteraction && source.isChatInputCommand()) {
        await replyToInteraction(source, reply);
      } else if (source instanceof Message) {
        await replyToMessage(source, reply);
      }
    } catch (failed) {
      // The member may never see why (the interaction expired, the channel is gone): say so in the logs.
      this.logger.warn(`could not answer a refused command: ${(failed as Error).message}`);
    }
  }
}
