import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PlanEntity } from './plan.entity';

@ObjectType('Plan')
export class PlanModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) issuer: string | null;
  @Field(() => String, { nullable: true, description: '文号, e.g. 粤经信技改〔2011〕333号' }) docNumber: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) issuedAt: string | null;

  static from(entity: PlanEntity): PlanModel {
    return Object.assign(new PlanModel(), {
      id: entity.id,
      title: entity.title,
      issuer: entity.issuer,
      docNumber: entity.docNumber,
      issuedAt: entity.issuedAt,
    });
  }
}
