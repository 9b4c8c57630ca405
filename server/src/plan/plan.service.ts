import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { PlanEntity } from './plan.entity';

@Injectable()
export class PlanService {
  constructor(@InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>) {}

  list(): Promise<PlanEntity[]> {
    return this.plans.find({ order: { issuedAt: 'DESC', title: 'ASC' } });
  }

  findById(id: string): Promise<PlanEntity | null> {
    return this.plans.findOneBy({ id });
  }
}
