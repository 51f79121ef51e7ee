import { SignJWT } from 'jose';
import { createTokenVerifier, mintToken, type TokenSettings } from '../../src/access/tokens';
import { UnauthenticatedError } from '../../src/shared/errors';

const settings = { issuer: 'registro-dev', audience: 'registro', key: { kind: 'secret', secret: 'a-development-secret-of-at-least-32-chars' } } as const satisfies TokenSettings;
const verify = createTokenVerifier(settings);

describe('bearer tokens', () => {
  it('names the actor, role and entity scope of a valid token', async () => {
    const token = await mintToken(settings, { sub: 'enlace@jalisco.gob.mx', role: 'subnational', entities: ['14', '14039'] });
    await expect(verify(token)).resolves.toEqual({ id: 'enlace@jalisco.gob.mx', role: 'subnational', entityScope: ['14', '14039'] });
  });

  it('gives roles other than subnational no entity scope', async () => {
    const token = await mintToken(settings, { sub: 'senado-1', role: 'parliament', entities: ['14'] });
    await expect(verify(token)).resolves.toEqual({ id: 'senado-1', role: 'parliament', entityScope: [] });
  });

  const refusals: Array<[string, () => Promise<string>, RegExp]> = [
    ['an expired token', () => mintToken(settings, { sub: 'a', role: 'sre-legal' }, '-1m'), /expired/],
    ['another issuer', () => mintToken({ ...settings, issuer: 'elsewhere' }, { sub: 'a', role: 'sre-legal' }), /"iss" claim/],
    ['another signing key', () => mintToken({ ...settings, key: { kind: 'secret', secret: 'x'.repeat(40) } }, { sub: 'a', role: 'sre-legal' }), /signature does not verify/],
    ['an unknown role', () => new SignJWT({ role: 'president' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer(settings.issuer).setAudience(settings.audience).setExpirationTime('1h').sign(Buffer.from(settings.key.secret)), /role "president" is not one of/],
    ['a subnational token with no entities', () => mintToken(settings, { sub: 'a', role: 'subnational' }), /must name its entities/],
    ['a subnational token with a malformed entity', () => mintToken(settings, { sub: 'a', role: 'subnational', entities: ['99'] }), /not an INEGI code/],
    ['text that is not a token', async () => 'not.a.token', /malformed/],
  ];

  it.each(refusals)('refuses %s with a reason', async (_label, token, reason) => {
    const attempt = verify(await token());
    await expect(attempt).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(attempt).rejects.toThrow(reason);
  });

  it('refuses a token it verified before once the token has expired', async () => {
    const token = await mintToken(settings, { sub: 'senado-2', role: 'parliament' }, '1m');
    await expect(verify(token)).resolves.toMatchObject({ id: 'senado-2' });
    await expect(verify(token)).resolves.toMatchObject({ id: 'senado-2' });
    jest.useFakeTimers({ now: Date.now() + 2 * 60_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await expect(verify(token)).rejects.toThrow(/expired/);
    } finally {
      jest.useRealTimers();
    }
  });

  it('accepts a token whose "nbf" has passed, and not before', async () => {
    const notYet = Math.floor(Date.now() / 1000) + 60;
    const token = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer(settings.issuer).setAudience(settings.audience).setNotBefore(notYet).setExpirationTime('1h').sign(Buffer.from(settings.key.secret));
    await expect(verify(token)).rejects.toThrow(UnauthenticatedError);
    jest.useFakeTimers({ now: (notYet + 1) * 1000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await expect(verify(token)).resolves.toMatchObject({ role: 'admin' });
    } finally {
      jest.useRealTimers();
    }
  });
});
