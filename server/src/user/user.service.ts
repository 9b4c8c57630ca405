import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DepartmentModel } from '../department/department.model';
import { DepartmentService } from '../department/department.service';
import { UserEntity } from './user.entity';
import { UserModel } from './user.model';

@Injectable()
export class UserService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly departments: DepartmentService,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  list(role: UserEntity['role'] | null, includeInactive = false): Promise<UserEntity[]> {
    const where = { ...(role ? { role } : {}), ...(includeInactive ? {} : { active: true }) };
    return this.users.find({ where, order: { name: 'ASC' }, take: 1000 });
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id, active: true });
  }

  /** Accounts made by the demo seed, roles first; nothing on a real installation. */
  async demoAccounts(): Promise<Array<{ email: string; name: string; role: UserEntity['role']; departmentName: string | null; departmentLeader: boolean }>> {
    const rows: Array<{ email: string; name: string; role: UserEntity['role']; departmentName: string | null; departmentLeader: boolean }> = await this.users.query(
      `SELECT u.email, u.name, u.role, d.name AS "departmentName", u.department_leader AS "departmentLeader"
         FROM app_user u LEFT JOIN department d ON d.id = u.department_id
        WHERE u.email LIKE '%@demo.gov' AND u.active
        ORDER BY (u.role = 'STAFF'), u.email
        LIMIT 200`,
    );
    return rows;
  }

  async toModel(user: UserEntity): Promise<UserModel> {
    const department = user.departmentId ? await this.departments.findById(user.departmentId) : null;
    return Object.assign(new UserModel(), {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      department: department ? DepartmentModel.from(department) : null,
      active: user.active,
      departmentLeader: user.departmentLeader,
    });
  }
}
