import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuditFilter, AuditPageModel, AuditEntryModel } from './audit.model';
import { AuditService } from './audit.service';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditPageModel, { description: 'The audit trail, newest first (administrators)' })
  async auditLog(
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter: AuditFilter | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditPageModel> {
    const { entries, hasMore } = await this.audit.list({ ...filter, first, after });
    return { entries: entries.map(AuditEntryModel.from), hasMore, endCursor: entries.at(-1)?.id ?? null };
  }
}
