import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { DepartmentEntity } from './department.entity';

@ObjectType('Department')
export class DepartmentModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field({ description: 'province, city, district, town, or group (a catch-all such as 各地级以上市人民政府)' }) level: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;

  static from(entity: DepartmentEntity): DepartmentModel {
    return Object.assign(new DepartmentModel(), {
      id: entity.id,
      code: entity.code,
      name: entity.name,
      level: entity.level,
      parentId: entity.parentId,
    });
  }
}
