/**
 * Why a command was refused. Each door maps the reason to its own status:
 * `not_found` → 404, `invalid` → 400, `forbidden` → 403, `conflict` → 409.
 */
export type RefusalReason = 'not_found' | 'invalid' | 'forbidden' | 'conflict';

/** A command refused by the domain. `field` names the offending input where there is one. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly reason: RefusalReason,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
