import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { DomainError, unauthenticated } from '../common/errors';
import { LoginThrottle } from './login-throttle';
import type { UserEntity } from '../user/user.entity';
import { UserService } from '../user/user.service';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { hashPassword, verifyPassword } from './password';

@Injectable()
export class AuthService {
  /** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private readonly decoyHash = hashPassword('decoy-password-never-matches');

  constructor(
    private readonly users: UserService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  private readonly throttle = new LoginThrottle();

  async login(email: string, password: string, address = 'unknown'): Promise<{ token: string; user: UserEntity }> {
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
    const token = jwt.sign({ sub: user.id }, this.options.jwtSecret, { expiresIn: this.options.tokenTtlSeconds });
    return { token, user };
  }

  /** The signed-in user for a bearer token, or null if the token is missing, forged, expired or the account is off. */
  async authenticate(authorization: string | undefined): Promise<UserEntity | null> {
    const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
    if (!match) return null;
    let subject: string;
    try {
      const payload = jwt.verify(match[1], this.options.jwtSecret);
      if (typeof payload !== 'object' || typeof payload.sub !== 'string') return null;
      subject = payload.sub;
    } catch {
      return null;
    }
    return this.users.findActiveById(subject);
  }
}
