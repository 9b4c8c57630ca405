import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** The permission table, available to every module's services. */
@Global()
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
