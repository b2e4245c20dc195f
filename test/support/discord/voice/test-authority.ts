import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway certificate authority and the voice servers' certificate for 127.0.0.1, made per test run. */
export interface TestAuthority {
  /** The CA certificate's file: give it to a process under test as `NODE_EXTRA_CA_CERTS`. */
  readonly caPath: string;
  /** The CA certificate (PEM), for in-process trust with `tls.setDefaultCACertificates`. */
  readonly ca: string;
  /** The server's key and certificate (PEM), valid for `127.0.0.1` and `localhost`. */
  readonly key: string;
  readonly cert: string;
  remove(): void;
}

const SERVER_EXTENSIONS = [
  'basicConstraints = critical, CA:FALSE',
  'keyUsage = critical, digitalSignature',
  'extendedKeyUsage = serverAuth',
  'subjectAltName = IP:127.0.0.1, DNS:localhost',
].join('\n');

/**
 * Makes a CA and a server certificate it signs with the openssl CLI (P-256 keys, valid two days), in a
 * fresh temporary folder. The voice gateway is reached over `wss://`, and @discordjs/voice has no CA
 * option, so the process under test must trust this CA: nothing here relaxes TLS checking.
 */
export async function makeTestAuthority(): Promise<TestAuthority> {
  const dir = mkdtempSync(join(tmpdir(), 'voice-ca-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  const p256 = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl(
    'req',
    '-x509',
    ...p256,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Guildhall test voice CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  await openssl('req', ...p256, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(file('server.ext'), SERVER_EXTENSIONS);
  await openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.pem',
  );
  return {
    caPath: file('ca.pem'),
    ca: readFileSync(file('ca.pem'), 'utf8'),
    key: readFileSync(file('server.key'), 'utf8'),
    cert: readFileSync(file('server.pem'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
