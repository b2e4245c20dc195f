import type { Resolution, SourceName } from '../track-info';

/** One place tracks come from. The resolver routes a URL to the first source that claims it. */
export interface TrackSource {
  readonly name: SourceName;
  claims(url: URL): boolean;
  /** Throws TrackNotFoundError when the URL holds nothing playable. */
  resolveUrl(url: URL, signal?: AbortSignal): Promise<Resolution>;
  /** Free-text search on `site` (undefined: the source's default); undefined when nothing matches. */
  search?(text: string, site?: string, signal?: AbortSignal): Promise<Resolution | undefined>;
}
