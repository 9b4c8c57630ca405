import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { badInput } from '../common/errors';
import { requireText, requireUuid } from '../common/validate';
import { AuditEntryEntity } from './audit-entry.entity';

export type NewAuditEntry = Omit<AuditEntryEntity, 'id' | 'at'>;

export interface AuditQuery {
  actorId?: string | null;
  operation?: string | null;
  /** 'OK', 'FAILED' (anything but OK), or one error code. */
  result?: string | null;
  targetId?: string | null;
  since?: Date | null;
  until?: Date | null;
  first: number;
  after?: string | null;
}

export const MAX_AUDIT_PAGE = 100;

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends entries; a failure to write is logged loudly but does not undo what was done. */
  async record(entries: NewAuditEntry[]): Promise<void> {
    if (!entries.length) return;
    try {
      await this.dataSource.createQueryBuilder().insert().into(AuditEntryEntity).values(entries as QueryDeepPartialEntity<AuditEntryEntity>[]).execute();
    } catch (error) {
      this.logger.error(`could not write ${entries.length} audit entr${entries.length === 1 ? 'y' : 'ies'}: ${String(error)} ${JSON.stringify(entries)}`);
    }
  }

  /** Newest first, keyset-paged by id. */
  async list(query: AuditQuery): Promise<{ entries: AuditEntryEntity[]; hasMore: boolean }> {
    if (!Number.isInteger(query.first) || query.first < 1 || query.first > MAX_AUDIT_PAGE) throw badInput(`first must be between 1 and ${MAX_AUDIT_PAGE}`, 'first');
    const qb = this.dataSource.manager.createQueryBuilder(AuditEntryEntity, 'a').orderBy('a.id', 'DESC').limit(query.first + 1);
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: requireUuid(query.actorId, 'actorId') });
    const operation = requireText(query.operation, 'operation', 64);
    if (operation) qb.andWhere('a.operation = :operation', { operation });
    const result = requireText(query.result, 'result', 40);
    if (result === 'FAILED') qb.andWhere(`a.result <> 'OK'`);
    else if (result) qb.andWhere('a.result = :result', { result });
    const target = requireText(query.targetId, 'targetId', 64);
    if (target) qb.andWhere('a.target_id = :target', { target });
    if (query.since) qb.andWhere('a.at >= :since', { since: query.since });
    if (query.until) qb.andWhere('a.at < :until', { until: query.until });
    if (query.after) {
      if (!/^\d{1,18}$/.test(query.after)) throw badInput('after is not a cursor this list gave out', 'after');
      qb.andWhere('a.id < :after', { after: query.after });
    }
    const rows = await qb.getMany();
    return { entries: rows.slice(0, query.first), hasMore: rows.length > query.first };
  }
}
