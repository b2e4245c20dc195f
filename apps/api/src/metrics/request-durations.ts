import { Histogram, type MetricObjectWithValues, type MetricValueWithName, type Registry } from 'prom-client';

type Label = 'method' | 'route' | 'status';
type Values = MetricObjectWithValues<MetricValueWithName<Label>>;

const NAME = 'guildhall_http_request_duration_seconds';
const HELP = 'Time from a request arriving to its answer being sent, by route pattern and status';
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** One labelled series: how many answers fell in each bucket (the last past every bound), their sum. */
class Series {
  readonly inBucket = new Float64Array(BUCKETS.length + 1);
  sum = 0;
  count = 0;

  constructor(readonly labels: Readonly<Record<Label, string>>) {}

  observe(seconds: number): void {
    let bucket = 0;
    while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) bucket++;
    this.inBucket[bucket]++;
    this.sum += seconds;
    this.count++;
  }

  values(): MetricValueWithName<Label>[] {
    const bucket = `${NAME}_bucket`;
    let below = 0;
    // As prom-client writes its own histograms: `le` first, the buckets cumulative, then +Inf (and,
    // for getMetricsAsJSON, the same empty exemplar fields).
    const lines = BUCKETS.map((le, i) => {
      below += this.inBucket[i];
      return { labels: { le, ...this.labels }, value: below, metricName: bucket, exemplar: null };
    });
    return [
      ...lines,
      { labels: { le: '+Inf', ...this.labels }, value: this.count, metricName: bucket, exemplar: null },
      { labels: this.labels, value: this.sum, metricName: `${NAME}_sum`, exemplar: undefined },
      { labels: this.labels, value: this.count, metricName: `${NAME}_count`, exemplar: undefined },
    ] as MetricValueWithName<Label>[];
  }
}

/**
 * `guildhall_http_request_duration_seconds`, counted per answer in plain numbers and handed to the
 * registry as a histogram when scraped. prom-client's own `observe` validates the labels and builds
 * and hashes a label string on every call, a few percent of a cheap GET's CPU; here an answer costs
 * three Map lookups on values that already exist (method, route pattern, status), a bucket search and
 * three additions. It is a Histogram to the registry, so it is served like any other; a spec checks
 * that its output is prom-client's, byte for byte.
 */
export class RequestDurations extends Histogram<Label> {
  private readonly series = new Map<string, Map<string | undefined, Map<number, Series>>>();
  /** Every series, in the order of its first answer: the order prom-client serves its own in. */
  private readonly inOrder: Series[] = [];

  constructor(registry: Registry) {
    super({
      name: NAME,
      help: HELP,
      labelNames: ['method', 'route', 'status'],
      buckets: BUCKETS,
      registers: [registry],
    });
  }

  /** One answer; `route` is the pattern (`/v2/servers/:server_id`), undefined when nothing matched. */
  record(method: string, route: string | undefined, status: number, seconds: number): void {
    let byRoute = this.series.get(method);
    if (!byRoute) this.series.set(method, (byRoute = new Map()));
    let byStatus = byRoute.get(route);
    if (!byStatus) byRoute.set(route, (byStatus = new Map()));
    let series = byStatus.get(status);
    if (!series) {
      series = new Series({ method, route: route ?? 'unmatched', status: String(status) });
      byStatus.set(status, series);
      this.inOrder.push(series);
    }
    series.observe(seconds);
  }

  override async get(): Promise<Values> {
    const values = this.inOrder.flatMap((series) => series.values());
    // What prom-client's own histograms return. Its typings declare `type` an enum and ask for
    // `collect`, but at run time the type is the string it writes and the registry reads no collect.
    return { name: NAME, help: HELP, type: 'histogram', values, aggregator: 'sum' } as unknown as Values;
  }

  /** The registry prefers this to `get` for the text format; both give the same values here. */
  getForPromString(): Promise<Values> {
    return this.get();
  }

  override reset(): void {
    super.reset();
    // Histogram's constructor resets too, before this class's fields exist.
    this.series?.clear();
    this.inOrder?.splice(0);
  }
}
