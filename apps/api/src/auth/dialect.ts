import { SetMetadata } from '@nestjs/common';

/**
 * Which API document a route follows. The dialect decides how the key is sent, which limits apply
 * and what an error body looks like.
 */
export type Dialect = 'canonical' | 'hexify' | 'hush' | 'botnexus' | 'bod' | 'elixir';

export const DIALECT = 'guildhall:dialect';

/** Marks a controller (or route) as speaking one seed's dialect; canonical when absent. */
export const UseDialect = (dialect: Dialect) => SetMetadata(DIALECT, dialect);
