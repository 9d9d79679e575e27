/**
 * Write tokens of the REST API: `cct_<id>_<secret>`, shown once at creation. The store keeps the id and the
 * SHA-256 hash of the secret only, so a copy of the database grants nothing. A request presents the token as
 * `Authorization: Bearer …`; the row is found by id (which says nothing about the secret) and the hashes are
 * compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiTokenInfo, Store } from '../store/types.ts';

/** Marks the secret as ours in logs and secret scanners. */
export const TOKEN_PREFIX = 'cct_';
/** 32 random bytes of secret: far beyond guessing. */
const SECRET_BYTES = 32;
/** Longest Authorization header value read: a token is ~60 characters. */
const MAX_AUTHORIZATION_CHARS = 512;
const TOKEN_PATTERN = /^cct_([0-9a-f]{1,64})_([A-Za-z0-9_-]{16,128})$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Creates a token named `name`; returns its id and the token (the only time the secret exists). */
export async function createToken(store: Store, name: string): Promise<{ id: string; token: string }> {
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const id = await store.createApiToken(name, hashSecret(secret));
  return { id, token: `${TOKEN_PREFIX}${id}_${secret}` };
}

/** The token of an Authorization header, or null when the header is absent or not `Bearer <token>`. */
export function bearerToken(header: string | undefined): string | null {
  if (!header || header.length > MAX_AUTHORIZATION_CHARS) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** The live token an Authorization header presents, or null. */
export async function authenticate(store: Store, authorization: string | undefined): Promise<ApiTokenInfo | null> {
  const token = bearerToken(authorization);
  const parts = token ? TOKEN_PATTERN.exec(token) : null;
  if (!parts) return null;
  const stored = await store.getApiToken(parts[1]);
  if (!stored) return null;
  const presented = Buffer.from(hashSecret(parts[2]), 'hex');
  const expected = Buffer.from(stored.hash, 'hex');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  const { hash: _hash, ...info } = stored;
  return info;
}
