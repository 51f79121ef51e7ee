import { createSecretKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify, errors as joseErrors } from 'jose';
import type { Actor, Role } from '../eventSourcing/envelope';
import { parseMunicipalityCode, parseStateCode } from '../reference';
import { UnauthenticatedError } from '../shared/errors';

/** Roles a token may carry; `system` is the registry's own and is never granted by a token. */
export const TOKEN_ROLES = ['sre-legal', 'subnational', 'parliament', 'admin'] as const satisfies readonly Role[];

export type TokenKey =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'public-key'; readonly pem: string };

export interface TokenSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly key: TokenKey;
}

/** Turns a bearer token into the actor it names, or says precisely why it is not accepted. */
export type TokenVerifier = (token: string) => Promise<Actor>;

const keyObject = (key: TokenKey): KeyObject =>
  key.kind === 'secret' ? createSecretKey(Buffer.from(key.secret, 'utf8')) : createPublicKey(key.pem);

/** A token that verified, with the time claims that may still refuse it later (seconds since the epoch). */
interface VerifiedToken {
  readonly actor: Actor;
  readonly expires: number | undefined;
  readonly notBefore: number | undefined;
}

/** Distinct tokens whose verification is remembered: a client sends the same token with every request. */
const VERIFIED_TOKENS = 1024;

/**
 * Verifying a signature is the dearest step of a small request (an HMAC through WebCrypto's thread
 * pool). A token that verified gives the same actor until its time claims say otherwise, so the
 * answer is remembered per exact token text and only `exp`/`nbf` are checked again, as jose
 * checks them (no clock tolerance); once they fail, the token is verified afresh, which refuses it
 * with jose's reason. Refusals are never remembered.
 */
export const createTokenVerifier = (settings: TokenSettings): TokenVerifier => {
  const key = keyObject(settings.key);
  const algorithms = settings.key.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256', 'EdDSA'];
  const verified = new Map<string, VerifiedToken>();
  return async (token) => {
    const known = verified.get(token);
    if (known !== undefined) {
      const now = Math.floor(Date.now() / 1000);
      if ((known.expires === undefined || known.expires > now) && (known.notBefore === undefined || known.notBefore <= now)) return known.actor;
      verified.delete(token);
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key, { issuer: settings.issuer, audience: settings.audience, algorithms }));
    } catch (error) {
      throw new UnauthenticatedError(describeJoseError(error));
    }
    const actor = actorOf(payload);
    verified.set(token, { actor, expires: payload.exp, notBefore: payload.nbf });
    if (verified.size > VERIFIED_TOKENS) verified.delete(verified.keys().next().value as string);
    return actor;
  };
};

const describeJoseError = (error: unknown): string => {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired: obtain a new one.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not accepted here (${error.reason}).`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The token signature does not verify: it was not issued for this registry.';
  return 'The token is malformed or not signed with an accepted algorithm.';
};

const actorOf = (payload: Record<string, unknown>): Actor => {
  const { sub, role, entities } = payload;
  if (typeof sub !== 'string' || sub.length === 0) throw new UnauthenticatedError('The token has no subject ("sub").');
  if (typeof role !== 'string' || !(TOKEN_ROLES as readonly string[]).includes(role)) {
    throw new UnauthenticatedError(`The token's role ${JSON.stringify(role)} is not one of ${TOKEN_ROLES.join(', ')}.`);
  }
  const scope = Array.isArray(entities) ? entities : [];
  if (role === 'subnational') {
    if (scope.length === 0) throw new UnauthenticatedError('A subnational token must name its entities ("entities": INEGI codes).');
    for (const code of scope) {
      const parsed = typeof code === 'string' && code.length === 2 ? parseStateCode(code) : parseMunicipalityCode(code);
      if (!parsed.ok) throw new UnauthenticatedError(`The token's entity ${JSON.stringify(code)} is not an INEGI code: ${parsed.error.message}`);
    }
  }
  return { id: sub, role: role as Actor['role'], entityScope: role === 'subnational' ? (scope as string[]) : [] };
};

/** Signs a token (HS256 secret only): for development tokens and tests, never used by the server. */
export const mintToken = async (
  settings: TokenSettings & { readonly key: { readonly kind: 'secret'; readonly secret: string } },
  claims: { readonly sub: string; readonly role: (typeof TOKEN_ROLES)[number]; readonly entities?: readonly string[] },
  expiresIn = '30d',
): Promise<string> =>
  new SignJWT({ role: claims.role, ...(claims.entities ? { entities: [...claims.entities] } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyObject(settings.key));

/** When a token already verified expires (epoch ms); undefined when it has no `exp` or cannot be read. */
export const tokenExpiresAt = (token: string): number | undefined => {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
};
