import { Controller, Get, HttpException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/current-user';

/**
 * For an orchestrator: /health says the process answers (restart it if not); /ready says it can
 * serve requests, i.e. its database answers (send it no traffic if not).
 */
@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready() {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ready' };
    } catch (error) {
      throw new HttpException({ status: 'unavailable', reason: 'database', message: error instanceof Error ? error.message : String(error) }, 503);
    }
  }
}
