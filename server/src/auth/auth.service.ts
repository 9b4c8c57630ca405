import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import jwt from 'jsonwebtoken';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, unauthenticated } from '../common/errors';
import { UserEntity } from '../user/user.entity';
import { UserService } from '../user/user.service';
import { AuthSessionEntity } from './auth-session.entity';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './password';

export interface SignedIn {
  token: string;
  refreshToken: string;
  /** When the access token ends; the client refreshes before. */
  expiresAt: Date;
  user: UserEntity;
}

export interface Authenticated {
  user: UserEntity;
  sessionId: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const DEFAULT_SESSION_TTL = 30 * 24 * 60 * 60;

@Injectable()
export class AuthService {
  /** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private readonly decoyHash = hashPassword('decoy-password-never-matches');
  private readonly throttle = new LoginThrottle();
  private readonly liveSessions = new Map<string, { live: boolean; until: number }>();

  constructor(
    private readonly users: UserService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async login(email: string, password: string, address = 'unknown'): Promise<SignedIn> {
    const account = email.trim().toLowerCase();
    const wait = this.throttle.retryAfter(account, address);
    if (wait > 0) {
      throw new DomainError('RATE_LIMITED', `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s)`, { retryAfterSeconds: wait });
    }
    const user = await this.users.findByEmail(account);
    const ok = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !ok || !user.active) {
      this.throttle.recordFailure(account, address);
      throw unauthenticated('Wrong email or password');
    }
    this.throttle.recordSuccess(account);
    const refreshToken = randomBytes(32).toString('base64url');
    const session = await this.dataSource.manager.save(
      this.dataSource.manager.create(AuthSessionEntity, {
        userId: user.id,
        refreshHash: sha256(refreshToken),
        address: address.slice(0, 64),
        expiresAt: this.sessionExpiry(),
      }),
    );
    return { ...this.accessToken(user, session.id), refreshToken, user };
  }

  /** A new access token for a live sign-in; the sign-in's own lifetime starts again. */
  async refresh(refreshToken: string): Promise<SignedIn> {
    // An UPDATE through TypeORM answers [rows, count].
    const [rows]: [Array<{ id: string; user_id: string }>, number] = await this.dataSource.query(
      `UPDATE auth_session s SET refreshed_at = now(), expires_at = $2
         FROM app_user u
        WHERE s.refresh_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id AND u.active
        RETURNING s.id, s.user_id`,
      [sha256(refreshToken), this.sessionExpiry()],
    );
    const row = rows[0];
    const user = row && (await this.users.findActiveById(row.user_id));
    if (!row || !user) throw unauthenticated('Your sign-in has ended; please sign in again');
    return { ...this.accessToken(user, row.id), refreshToken, user };
  }

  /** Ends one sign-in: its access and refresh tokens stop working at once. */
  async logout(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** The signed-in user for a bearer token, or null if the token is missing, forged, expired, signed out or the account is off. */
  async authenticate(authorization: string | undefined): Promise<Authenticated | null> {
    const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
    if (!match) return null;
    let subject: string;
    let sessionId: string;
    try {
      const payload = jwt.verify(match[1], this.options.jwtSecret);
      if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
      subject = payload.sub;
      sessionId = payload.sid;
    } catch {
      return null;
    }
    // One query per request: the account is still active and the sign-in not ended.
    const user = await this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(AuthSessionEntity, 's', 's.user_id = u.id AND s.id = :sessionId AND s.revoked_at IS NULL AND s.expires_at > now()', { sessionId })
      .where('u.id = :subject AND u.active', { subject })
      .getOne();
    return user ? { user, sessionId } : null;
  }

  /**
   * Whether a sign-in still holds (not signed out, account active), remembered for a few seconds:
   * an open live-update socket asks at every event, and must stop soon after a deactivation.
   */
  async isSessionLive(sessionId: string): Promise<boolean> {
    const cached = this.liveSessions.get(sessionId);
    if (cached && cached.until > Date.now()) return cached.live;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId],
    );
    const live = rows.length > 0;
    if (this.liveSessions.size > 10_000) this.liveSessions.clear();
    this.liveSessions.set(sessionId, { live, until: Date.now() + 5_000 });
    return live;
  }

  private accessToken(user: UserEntity, sessionId: string): { token: string; expiresAt: Date } {
    const token = jwt.sign({ sub: user.id, sid: sessionId }, this.options.jwtSecret, { expiresIn: this.options.tokenTtlSeconds });
    return { token, expiresAt: new Date(Date.now() + this.options.tokenTtlSeconds * 1000) };
  }

  private sessionExpiry(): Date {
    return new Date(Date.now() + (this.options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL) * 1000);
  }
}
