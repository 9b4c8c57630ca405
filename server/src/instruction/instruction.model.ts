import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { INSTRUCTION_TONES, type InstructionTone } from '@workplan/shared';
import { TaskActorModel } from '../task/task.model';

export const InstructionToneEnum = Object.fromEntries(INSTRUCTION_TONES.map((t) => [t, t])) as { [K in InstructionTone]: K };
registerEnumType(InstructionToneEnum, {
  name: 'InstructionTone',
  description: 'POSITIVE 表扬性批示 (counts for the unit in scoring), DIRECTIVE 指示性, CRITICAL 批评性',
});

@ObjectType('LeaderInstruction', { description: 'A leader’s instruction (领导批示) on a task and the lead unit’s answer' })
export class LeaderInstructionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) taskId: string;
  @Field() taskCode: string;
  @Field() taskTitle: string;
  @Field({ description: '批示编号, as the leader’s office numbers it' }) number: string;
  @Field({ description: 'YYYY-MM-DD' }) issuedOn: string;
  @Field() content: string;
  @Field(() => InstructionToneEnum) tone: InstructionTone;
  @Field({ description: 'Attaching it sent finished work back to implementation' }) reopenedTask: boolean;
  @Field(() => TaskActorModel) createdBy: TaskActorModel;
  @Field() createdAt: Date;
  @Field(() => String, { nullable: true }) answer: string | null;
  @Field(() => TaskActorModel, { nullable: true }) answeredBy: TaskActorModel | null;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field({ description: 'Whether the signed-in user may answer it now (lead-unit staff, not yet answered)' }) mayAnswer: boolean;
}

@InputType()
export class IssueInstructionInput {
  @Field(() => ID) taskId: string;
  @Field({ description: '批示编号: free text, unique per task' }) number: string;
  @Field({ description: 'YYYY-MM-DD, not after today' }) issuedOn: string;
  @Field() content: string;
  @Field(() => InstructionToneEnum) tone: InstructionTone;
}

@ObjectType('TaskAnnotation', { description: 'A leader’s remark (批注) on a task' })
export class TaskAnnotationModel {
  @Field(() => ID) id: string;
  @Field(() => ID) taskId: string;
  @Field(() => TaskActorModel) author: TaskActorModel;
  @Field() content: string;
  @Field() createdAt: Date;
}
