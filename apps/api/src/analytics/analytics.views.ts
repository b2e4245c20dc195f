import type { AnalyticsSummary } from '#projections';

/** Hexify's `GET /v2/servers/{id}/analytics` body: the seed's fields, in the seed's order. */
export function hexifyAnalyticsBody(summary: AnalyticsSummary) {
  const { music = 0, moderation = 0, fun = 0, utility = 0 } = summary.commands.breakdown;
  return {
    commands_used: {
      total: summary.commands.total,
      today: summary.commands.today,
      breakdown: { music, moderation, fun, utility },
    },
    active_users: { ...summary.activeUsers },
    member_growth: {
      joins_today: summary.members.joinsToday,
      leaves_today: summary.members.leavesToday,
      net_growth: summary.members.joinsToday - summary.members.leavesToday,
    },
  };
}

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV with a header row: the columns are the keys of the first row (or `columns`). */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const header = columns ?? Object.keys(rows[0] ?? {});
  return (
    [header.join(','), ...rows.map((row) => header.map((c) => cell(row[c])).join(','))].join('\r\n') + '\r\n'
  );
}

/** Whether the client asked for CSV (`Accept: text/csv`), the export format of every analytics view. */
export const wantsCsv = (accept: string | undefined): boolean => /\btext\/csv\b/i.test(accept ?? '');
