import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentModule } from '../department/department.module';
import { UserAdminService } from './user-admin.service';
import { UserEntity } from './user.entity';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), DepartmentModule],
  providers: [UserService, UserAdminService, UserResolver],
  exports: [UserService],
})
export class UserModule {}
