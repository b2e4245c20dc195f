import {
  InvalidQueryError,
  TrackNotFoundError,
  TrackResolver,
  type ResolveOptions,
  type ResolvedTracks,
} from '#domain';

/**
 * Asks several resolvers in turn: the first that finds something answers. When none does, an
 * invalid-query answer wins over "not found", since it tells the client what to fix.
 */
export class FallbackTrackResolver extends TrackResolver {
  constructor(private readonly resolvers: readonly TrackResolver[]) {
    super();
  }

  async resolve(query: string, options: ResolveOptions): Promise<ResolvedTracks> {
    let invalid: InvalidQueryError | undefined;
    for (const resolver of this.resolvers) {
      try {
        return await resolver.resolve(query, options);
      } catch (error) {
        if (error instanceof InvalidQueryError) invalid ??= error;
        else if (!(error instanceof TrackNotFoundError)) throw error;
      }
    }
    throw invalid ?? new TrackNotFoundError(query);
  }
}
