import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UserModule } from '../user/user.module';
import { AuthGuard } from './auth.guard';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';

@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true, // the evidence controller checks tokens itself
      imports: [UserModule],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        AuthService,
        AuthResolver,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthService],
    };
  }
}
