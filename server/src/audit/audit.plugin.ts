import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import type { GraphQLContext } from '../auth/current-user';
import { auditArguments, auditResult, auditTarget } from './audit-record';
import { AuditService, type NewAuditEntry } from './audit.service';

/**
 * Writes one audit entry per mutation field an operation runs, success or refusal alike, after
 * the answer is settled and before it is sent. Watching fields (not whole requests) catches each
 * of several mutations in one document, and the guard's refusals, which happen inside the field.
 */
@Plugin()
export class AuditPlugin implements ApolloServerPlugin<GraphQLContext> {
  constructor(private readonly audit: AuditService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    const pending: Array<Omit<NewAuditEntry, 'actorId' | 'actorEmail' | 'actorRole' | 'address' | 'requestId'> & { email: string | null }> = [];
    return {
      // Only a mutation is audited: a query's fields are then not watched at all (a board has thousands).
      executionDidStart: async ({ operation }) => {
        if (operation?.operation !== 'mutation') return;
        return {
          willResolveField: ({ info, args }) => {
            if (info.parentType.name !== 'Mutation' || info.path.prev !== undefined) return;
            const started = Date.now();
            // Nest's exception filter hands a refusal back as the field's value, not as a thrown error.
            return (error, result) => {
              const failure = error ?? (result instanceof Error ? result : null);
              pending.push({
                operation: info.fieldName,
                targetId: auditTarget(args),
                arguments: auditArguments(args) as Record<string, unknown>,
                ...auditResult(failure),
                durationMs: Date.now() - started,
                email: typeof args.email === 'string' ? args.email.slice(0, 254) : null,
              });
            };
          },
        };
      },
      willSendResponse: async ({ contextValue }) => {
        if (!pending.length) return;
        const req = contextValue.req;
        await this.audit.record(
          pending.map(({ email, ...entry }) => ({
            ...entry,
            actorId: req.user?.id ?? null,
            actorEmail: req.user?.email ?? email,
            actorRole: req.user?.role ?? null,
            address: req.ip?.slice(0, 64) ?? null,
            requestId: req.requestId ?? randomUUID(),
          })),
        );
      },
    };
  }
}
