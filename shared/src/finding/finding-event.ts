import type { Actor } from '../actor/role';

/** Event names are a contract with the API and the client: add, never rename. */
export const FINDING_EVENT_TYPES = ['START_RECTIFICATION', 'SUBMIT_RECTIFICATION', 'VERIFY', 'REOPEN'] as const;

export type FindingEventType = (typeof FINDING_EVENT_TYPES)[number];

export function isFindingEventType(value: string): value is FindingEventType {
  return (FINDING_EVENT_TYPES as readonly string[]).includes(value);
}

export interface FindingEvent {
  type: FindingEventType;
  actor: Actor;
  comment?: string | null;
}

/**
 * A department must say what it did to fix the problem (整改情况), and an inspector sending the
 * fix back must say why it falls short; without those words the record is useless at 销号 time.
 */
export const FINDING_EVENTS_REQUIRING_COMMENT: ReadonlySet<FindingEventType> = new Set<FindingEventType>([
  'SUBMIT_RECTIFICATION',
  'REOPEN',
]);

export function findingEventRequiresComment(type: FindingEventType): boolean {
  return FINDING_EVENTS_REQUIRING_COMMENT.has(type);
}
