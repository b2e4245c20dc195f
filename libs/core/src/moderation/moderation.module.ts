import { Module } from '@nestjs/common';
import { FilterMessageHandler } from './filter-message/filter-message.handler';
import { GetModerationLogHandler } from './get-moderation-log/get-moderation-log.handler';
import { TimeOutMemberHandler } from './time-out-member/time-out-member.handler';

/** Command and query handlers of auto-moderation; the Discord door enforces, the HTTP door reads. */
@Module({ providers: [FilterMessageHandler, TimeOutMemberHandler, GetModerationLogHandler] })
export class ModerationModule {}
