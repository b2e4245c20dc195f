import type { ModerationLogPage } from '#projections';
import { CursorPageQueryDto } from '../common/cursor-page.dto';

/** Query string of `GET /v1/servers/:id/moderation`: paging only. */
export class ModerationLogQueryDto extends CursorPageQueryDto {}

/** Each entry names the action, the member, the channel and when; a filtering names its term only. */
export function moderationLogBody(page: ModerationLogPage) {
  return {
    entries: page.entries.map((entry) => ({
      id: entry.id,
      position: entry.position,
      type: entry.type,
      user_id: entry.userId,
      channel_id: entry.channelId,
      message_id: entry.messageId,
      term: entry.term,
      timeout: entry.timeout && {
        reason: entry.timeout.reason,
        until: entry.timeout.until,
        duration_seconds: entry.timeout.durationSeconds,
        messages: entry.timeout.messages,
        window_seconds: entry.timeout.windowSeconds,
      },
      time: entry.at,
    })),
    next_cursor: page.nextCursor,
  };
}
