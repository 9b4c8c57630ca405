import type { Actor } from '../actor/role';
import type { TaskStage } from '../task/task-stage';
import { isIsoDate } from '../task/task-deadline';

/**
 * Leader instructions (领导批示). A leader's office numbers each one; the tone matters for scoring
 * later (a commendation, 表扬性批示, earns the unit a point), so it is recorded when attached.
 */
export const INSTRUCTION_TONES = ['POSITIVE', 'DIRECTIVE', 'CRITICAL'] as const;
export type InstructionTone = (typeof INSTRUCTION_TONES)[number];

export function isInstructionTone(value: string): value is InstructionTone {
  return (INSTRUCTION_TONES as readonly string[]).includes(value);
}

export const INSTRUCTION_LIMITS = { number: 64, content: 5000, answer: 5000 } as const;

export interface InstructionDraft {
  number: string;
  issuedOn: string;
  content: string;
  tone: string;
}

export interface InstructionProblem {
  field: keyof InstructionDraft;
  message: string;
}

/** What is wrong with a draft instruction (empty when nothing is). `today` is the plan's calendar day. */
export function instructionProblems(draft: InstructionDraft, today: string): InstructionProblem[] {
  const problems: InstructionProblem[] = [];
  const number = draft.number.trim();
  if (!number) problems.push({ field: 'number', message: 'number (批示编号) is required' });
  else if (number.length > INSTRUCTION_LIMITS.number) problems.push({ field: 'number', message: `number must be at most ${INSTRUCTION_LIMITS.number} characters` });
  if (!isIsoDate(draft.issuedOn)) problems.push({ field: 'issuedOn', message: 'issuedOn must be a date like 2026-05-10' });
  // A leader cannot have signed an instruction that is dated after today.
  else if (draft.issuedOn > today) problems.push({ field: 'issuedOn', message: 'issuedOn cannot be in the future' });
  const content = draft.content.trim();
  if (!content) problems.push({ field: 'content', message: 'content is required' });
  else if (content.length > INSTRUCTION_LIMITS.content) problems.push({ field: 'content', message: `content must be at most ${INSTRUCTION_LIMITS.content} characters` });
  if (!isInstructionTone(draft.tone)) problems.push({ field: 'tone', message: `tone must be one of ${INSTRUCTION_TONES.join(', ')}` });
  return problems;
}

/**
 * What attaching an instruction does to the task, by its stage:
 * - ATTACH: the work is under way (or not yet approved); the instruction joins it.
 * - REOPEN: inspection has passed (the commendation stage): the work is finished, and a leader
 *   asking for more sends it back to implementation.
 * - REFUSE: the task is closed (archived, rejected, withdrawn). Its machine has ended, and a
 *   closed file is not reopened by a remark on it; the office opens a new task instead.
 */
export type InstructionEffect = 'ATTACH' | 'REOPEN' | 'REFUSE';

export function instructionEffect(stage: TaskStage): InstructionEffect {
  if (stage === 'COMMENDATION') return 'REOPEN';
  if (stage === 'ARCHIVED' || stage === 'REJECTED' || stage === 'WITHDRAWN') return 'REFUSE';
  return 'ATTACH';
}

/** The comment the reopening move carries in the task's history: which instruction, and what it says. */
export function reopenComment(instruction: { number: string; content: string }, limit = 500): string {
  const text = `领导批示 ${instruction.number.trim()}：${instruction.content.trim()}`;
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

export type AnswerRefusal = 'NOT_LEAD_UNIT' | 'ALREADY_ANSWERED';

/**
 * Who may answer: staff of the task's lead unit (牵头单位), once. The answer is the unit's formal
 * reply to the leader: once sent it stays as sent (the leader has been told of it and may have
 * read it); anything further is a new exchange, not an edit of the record.
 */
export function answerRefusal(actor: Actor, task: { leadDepartmentId: string }, instruction: { answeredAt: Date | string | null }): AnswerRefusal | null {
  if (actor.role !== 'STAFF' || actor.departmentId === null || actor.departmentId !== task.leadDepartmentId) return 'NOT_LEAD_UNIT';
  if (instruction.answeredAt !== null) return 'ALREADY_ANSWERED';
  return null;
}

/** Points a unit earns from instructions for scoring: +1 per positive (表扬性) instruction. */
export function instructionPoints(instructions: ReadonlyArray<{ tone: InstructionTone }>, perPositive = 1): number {
  return instructions.filter((i) => i.tone === 'POSITIVE').length * perPositive;
}
