import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LIVE_OPTIONS, type LiveOptions } from './change-bus';

/** How live updates travel between replicas, for the task module's event fan-out. */
@Global()
@Module({})
export class LiveModule {
  static forRoot(options: LiveOptions): DynamicModule {
    return { module: LiveModule, providers: [{ provide: LIVE_OPTIONS, useValue: options }], exports: [LIVE_OPTIONS] };
  }
}
