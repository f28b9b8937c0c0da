import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { type EntityManager, User } from '@miniter/db';
import bcrypt from 'bcrypt';
import jwt from 'jsonwebtoken';
import { ServiceError } from './errors.ts';

export interface AuthConfig {
  jwtSecret: string;
  /** Token lifetime in seconds. */
  jwtExpiresIn: number;
  bcryptCost: number;
}

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  profile?: string | undefined;
}

export async function signUp(em: EntityManager, config: AuthConfig, input: SignUpInput): Promise<User> {
  if (await em.count(User, { email: input.email })) throw emailTaken();
  const hashedPassword = await bcrypt.hash(input.password, config.bcryptCost);
  const user = em.create(User, {
    name: input.name,
    email: input.email,
    hashedPassword,
    profile: input.profile ?? '',
  });
  try {
    await em.flush();
  } catch (error) {
    // Two sign-ups with one email raced past the check above: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw emailTaken();
    throw error;
  }
  return user;
}

function emailTaken() {
  return new ServiceError('CONFLICT', 'An account with this email already exists');
}

// Compared against when the email is unknown, so both failures cost one bcrypt comparison.
const unknownUserHash = bcrypt.hashSync('miniter-no-such-user', 10);

export interface Session {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

export async function login(
  em: EntityManager,
  config: AuthConfig,
  input: { email: string; password: string },
): Promise<Session> {
  const user = await em.findOne(User, { email: input.email }, { populate: ['hashedPassword'] });
  const matches = await bcrypt.compare(input.password, user?.hashedPassword ?? unknownUserHash);
  if (!user || !matches) throw new ServiceError('UNAUTHORIZED', 'Email or password is incorrect');
  return { accessToken: issueToken(config, user.id), tokenType: 'Bearer', expiresIn: config.jwtExpiresIn, user };
}

export function issueToken(config: AuthConfig, userId: number): string {
  return jwt.sign({}, config.jwtSecret, {
    algorithm: 'HS256',
    subject: String(userId),
    expiresIn: config.jwtExpiresIn,
  });
}

/** The user id a token was issued to, or null for any token that is not valid now. */
export function verifyToken(config: AuthConfig, token: string): number | null {
  try {
    // The algorithm is pinned: `alg: none` and algorithm-confusion tokens fail here.
    const payload = jwt.verify(token, config.jwtSecret, { algorithms: ['HS256'] });
    if (typeof payload !== 'object' || typeof payload.exp !== 'number' || !/^\d+$/.test(payload.sub ?? '')) {
      return null;
    }
    return Number(payload.sub);
  } catch {
    return null;
  }
}

/** The user behind a bearer token; UNAUTHORIZED when the token is bad or the user is gone. */
export async function authenticate(em: EntityManager, config: AuthConfig, token: string | null): Promise<User> {
  const userId = token ? verifyToken(config, token) : null;
  const user = userId ? await em.findOne(User, userId) : null;
  if (!user) throw new ServiceError('UNAUTHORIZED', 'A valid access token is required');
  return user;
}
