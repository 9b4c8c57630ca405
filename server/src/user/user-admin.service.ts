import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isRole, type Role } from '@workplan/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { badInput, notFound } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { DepartmentEntity } from '../department/department.entity';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  departmentId?: string | null;
  password: string;
  departmentLeader?: boolean | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Passwords an administrator sets: long enough to resist guessing, short enough to type. */
function requirePassword(password: string): string {
  if (password.length < 10) throw badInput('A password needs at least 10 characters', 'password');
  if (password.length > 200) throw badInput('A password has at most 200 characters', 'password');
  return password;
}

/**
 * What an administrator does to accounts. Resetting a password or deactivating an account ends
 * that person's sign-ins in the same transaction, so their tokens stop at once.
 */
@Injectable()
export class UserAdminService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(input: NewUser): Promise<UserEntity> {
    const email = requireText(input.email, 'email', 254, true).toLowerCase();
    if (!EMAIL.test(email)) throw badInput('That is not an email address', 'email');
    const name = requireText(input.name, 'name', 100, true);
    if (!isRole(input.role)) throw badInput('Unknown role', 'role');
    const departmentId = input.departmentId ? requireUuid(input.departmentId, 'departmentId') : null;
    if (input.role === 'STAFF' && !departmentId) throw badInput('Department staff need a department', 'departmentId');
    const departmentLeader = input.departmentLeader ?? false;
    if (departmentLeader && input.role !== 'STAFF') throw badInput('Only department staff can be a unit leader', 'departmentLeader');
    const passwordHash = await hashPassword(requirePassword(input.password));
    return this.dataSource.transaction(async (em) => {
      if (departmentId && !(await em.existsBy(DepartmentEntity, { id: departmentId }))) throw notFound('Department', departmentId);
      if (await em.existsBy(UserEntity, { email })) throw badInput(`An account for ${email} exists already`, 'email');
      return em.save(em.create(UserEntity, { email, name, role: input.role, departmentId, passwordHash, active: true, departmentLeader }));
    });
  }

  async resetPassword(userId: string, password: string): Promise<UserEntity> {
    const passwordHash = await hashPassword(requirePassword(password));
    return this.dataSource.transaction(async (em) => {
      const user = await this.load(em, userId);
      user.passwordHash = passwordHash;
      await em.save(user);
      await this.endSessions(em, user.id);
      return user;
    });
  }

  async setActive(userId: string, active: boolean, admin: UserEntity): Promise<UserEntity> {
    return this.dataSource.transaction(async (em) => {
      const user = await this.load(em, userId);
      if (user.id === admin.id && !active) throw badInput('You cannot deactivate your own account', 'userId');
      user.active = active;
      await em.save(user);
      if (!active) await this.endSessions(em, user.id);
      return user;
    });
  }

  private async load(em: EntityManager, userId: string): Promise<UserEntity> {
    const user = await em.findOneBy(UserEntity, { id: requireUuid(userId, 'userId') });
    if (!user) throw notFound('User', userId);
    return user;
  }

  private async endSessions(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}
