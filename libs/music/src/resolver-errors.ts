// Placeholder until the player context's TrackResolver port is merged; then this re-exports its errors.
export class TrackNotFoundError extends Error {
  override readonly name = 'TrackNotFoundError';
}
export class InvalidQueryError extends Error {
  override readonly name = 'InvalidQueryError';
}
