import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The key pair that signs the log's anchors on this machine (docs/adr/0058), as PEM files. */
export interface AnchorKeyFiles {
  /** Ed25519, PKCS #8; readable by its owner only. The relay signs with it. */
  readonly privateKeyFile: string;
  /** SPKI; what `verify --anchor-key` checks anchors with. */
  readonly publicKeyFile: string;
}

/**
 * The development (or test) anchor key in `directory`, generated on first use; its public half in `publicDirectory`
 * when given (a folder the services that only check anchors may read), else beside it.
 */
export function ensureAnchorKey(directory: string, publicDirectory = directory): AnchorKeyFiles {
  const privateKeyFile = join(directory, 'anchor-signing-key.pem');
  const publicKeyFile = join(publicDirectory, 'anchor-public-key.pem');
  if (!existsSync(privateKeyFile) || !existsSync(publicKeyFile)) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    mkdirSync(publicDirectory, { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(privateKeyFile, 0o600);
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return { privateKeyFile, publicKeyFile };
}

/** What the relay needs to sign anchors with the key and append them to `anchorFile`. */
export function anchorEnvironment(key: AnchorKeyFiles, anchorFile: string, intervalMs?: number): Record<string, string> {
  return { ANCHOR_SIGNING_KEY_FILE: key.privateKeyFile, ANCHOR_FILE: anchorFile, ...(intervalMs ? { ANCHOR_INTERVAL_MS: String(intervalMs) } : {}) };
}

/** What query-api needs to check records against the anchors: the public half only. */
export function anchorCheckEnvironment(key: AnchorKeyFiles): Record<string, string> {
  return { ANCHOR_PUBLIC_KEY_FILE: key.publicKeyFile };
}

/**
 * The development (or test) master key of personal data (docs/adr/0059) in `file`, made on first use: 32 random
 * bytes in base64, readable by its owner only. Losing it makes every sealed name unreadable.
 */
export function ensureMasterKeyFile(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return file;
}

/** What the services that seal or open names need: the master key's file. */
export function personalDataEnvironment(masterKeyFile: string): Record<string, string> {
  return { PERSONAL_DATA_MASTER_KEY_FILE: masterKeyFile };
}
