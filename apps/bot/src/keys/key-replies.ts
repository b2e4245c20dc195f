import type { IssuedApiKey } from '#core';

/** A reply to the user; key replies must only go where nobody else reads them (ephemeral or DM). */
export interface KeyReply {
  readonly content: string;
  readonly ephemeral: true;
}

/** The reply that shows a new key, once, with the warning to keep it secret. */
export function issuedKeyReply(issued: IssuedApiKey): KeyReply {
  const scope =
    issued.guildId === null
      ? `your account (${issued.tier} tier)`
      : `server \`${issued.guildId}\` only (${issued.tier} tier)`;
  return {
    ephemeral: true,
    content: [
      `🔑 Your new API key, valid for ${scope}:`,
      `\`\`\`\n${issued.key}\n\`\`\``,
      `Send it as \`Authorization: Bearer <key>\`. Key id: \`${issued.keyId}\`.`,
      '**Keep it secret.** Anyone who has it can act as you through the API. This is the only time it ' +
        'is shown: we store only a hash and cannot show it again. If it leaks, revoke it and generate a new one.',
    ].join('\n'),
  };
}

/** A refusal, shown only to the user who asked. */
export { refusalReply } from '../replies/refusal-reply';
