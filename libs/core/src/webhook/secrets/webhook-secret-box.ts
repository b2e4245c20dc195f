import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the server keeps its sealing key when `WEBHOOK_SECRET_KEY` is not set. */
export const WEBHOOK_KEY_FILE = 'webhook-secret.key';
const FORMAT = 'v1';

/**
 * Seals endpoint secrets for the event store and opens them to sign. Events are kept forever and shown
 * by the history endpoint, so the plaintext never enters one: the event holds AES-256-GCM ciphertext
 * under a server key that lives outside the store (an environment variable, or a 0600 file in the data
 * directory). The secret then survives restarts and rebuilds with the events, and a copy of the event
 * store alone reveals nothing.
 */
export class WebhookSecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the webhook sealing key must be 32 bytes');
  }

  /** The configured key, else the data directory's key file, created once. */
  static open(options: { key: Buffer | undefined; dataDir: string }): WebhookSecretBox {
    if (options.key) return new WebhookSecretBox(options.key);
    const file = join(options.dataDir, WEBHOOK_KEY_FILE);
    if (!existsSync(file)) {
      mkdirSync(options.dataDir, { recursive: true });
      // `wx`: two processes starting together never overwrite each other's key.
      try {
        writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      chmodSync(file, 0o600);
    }
    return new WebhookSecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  /** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
  static generateSecret(): string {
    return `whsec_${randomBytes(32).toString('base64')}`;
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT, ...[iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64'))].join('.');
  }

  open(sealed: string): string {
    const [format, iv, data, tag] = sealed.split('.');
    if (format !== FORMAT || !iv || !data || !tag) throw new Error('not a sealed webhook secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }
}
