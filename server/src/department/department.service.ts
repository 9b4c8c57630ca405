import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { DepartmentEntity } from './department.entity';

@Injectable()
export class DepartmentService {
  constructor(@InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>) {}

  list(): Promise<DepartmentEntity[]> {
    return this.departments.find({ order: { level: 'ASC', code: 'ASC' } });
  }

  findById(id: string): Promise<DepartmentEntity | null> {
    return this.departments.findOneBy({ id });
  }

  /** Loads many at once and keeps the caller's order. */
  async findByIds(ids: readonly string[]): Promise<DepartmentEntity[]> {
    if (ids.length === 0) return [];
    const found = await this.departments.findBy({ id: In([...new Set(ids)]) });
    const byId = new Map(found.map((d) => [d.id, d]));
    return ids.map((id) => byId.get(id)).filter((d): d is DepartmentEntity => d !== undefined);
  }
}
