import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/json.scalar';
import type { AuditEntryEntity } from './audit-entry.entity';

@ObjectType('AuditEntry', { description: 'One mutation attempt, as the append-only audit trail keeps it' })
export class AuditEntryModel {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true }) actorEmail: string | null;
  @Field(() => String, { nullable: true }) actorRole: string | null;
  @Field({ description: 'The mutation, e.g. transitionTask' }) operation: string;
  @Field(() => String, { nullable: true, description: 'The id (or email) the mutation was about' }) targetId: string | null;
  @Field(() => JSONScalar, { description: 'The arguments, secrets redacted and long text cut' }) arguments: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'The caller’s network address' }) address: string | null;
  @Field({ description: 'Also sent back as the X-Request-Id header' }) requestId: string;
  @Field({ description: 'OK, or the error code the caller got' }) result: string;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Int, { nullable: true }) durationMs: number | null;

  static from(entity: AuditEntryEntity): AuditEntryModel {
    return Object.assign(new AuditEntryModel(), entity, { id: String(entity.id) });
  }
}

@ObjectType('AuditPage')
export class AuditPageModel {
  @Field(() => [AuditEntryModel]) entries: AuditEntryModel[];
  @Field({ description: 'More, older entries follow: pass endCursor as after' }) hasMore: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => String, { nullable: true }) operation?: string | null;
  @Field(() => String, { nullable: true, description: 'OK, FAILED (anything but OK), or one error code' }) result?: string | null;
  @Field(() => String, { nullable: true }) targetId?: string | null;
  @Field(() => Date, { nullable: true }) since?: Date | null;
  @Field(() => Date, { nullable: true }) until?: Date | null;
}
