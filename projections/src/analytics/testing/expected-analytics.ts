import type { RecordedEvent } from '#eventstore';

type Data = Record<string, unknown>;

/** The local calendar date of an instant in a time zone, `YYYY-MM-DD`. */
export const localDate = (ms: number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    ms,
  );

const minusDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Hexify's summary, counted directly over the events: the oracle the projector is checked against. */
export function expectedSummary(events: readonly RecordedEvent[], timeZone: string, now: Date) {
  const today = localDate(now.getTime(), timeZone);
  const inWindow = (at: string, days: number) =>
    localDate(Date.parse(at), timeZone) >= minusDays(today, days - 1);
  const data = (e: RecordedEvent) => e.data as Data;
  const commands = events.filter((e) => e.type === 'CommandInvoked');
  const breakdown = { music: 0, moderation: 0, fun: 0, utility: 0 } as Record<string, number>;
  for (const c of commands) breakdown[data(c).category as string]++;
  const users = (days: number) => {
    const seen = new Set<string>();
    for (const e of events) {
      if (
        (e.type === 'CommandInvoked' || e.type === 'MemberActive') &&
        inWindow(data(e).at as string, days)
      ) {
        seen.add(data(e).userId as string);
      }
    }
    const reported = events
      .filter((e) => e.type === 'ActivityReported' && inWindow(data(e).at as string, days))
      .map((e) => data(e).activeUsers as number);
    return Math.max(seen.size, ...reported);
  };
  const todayCount = (type: string) =>
    events.filter((e) => e.type === type && inWindow(data(e).at as string, 1)).length;
  return {
    commands: { total: commands.length, today: todayCount('CommandInvoked'), breakdown },
    activeUsers: { daily: users(1), weekly: users(7), monthly: users(30) },
    members: { joinsToday: todayCount('MemberJoined'), leavesToday: todayCount('MemberLeft') },
  };
}

/** Commands per local day, over the events. */
export function expectedCommandsPerDay(
  events: readonly RecordedEvent[],
  timeZone: string,
): Map<string, number> {
  const perDay = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'CommandInvoked') continue;
    const day = localDate(Date.parse((e.data as Data).at as string), timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return perDay;
}

/** Plays per track identifier: TrackStarted at position 0, named through TracksQueued. */
export function expectedPlays(events: readonly RecordedEvent[]): Map<string, number> {
  const identifiers = new Map<string, string>();
  for (const e of events.filter((e) => e.type === 'TracksQueued')) {
    for (const t of (e.data as { tracks: Data[] }).tracks)
      identifiers.set(t.trackId as string, t.identifier as string);
  }
  const plays = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'TrackStarted' || (e.data as Data).positionMs !== 0) continue;
    const id = identifiers.get((e.data as Data).trackId as string) as string;
    plays.set(id, (plays.get(id) ?? 0) + 1);
  }
  return plays;
}
