import { RequiredTextModal } from '../../task-work/RequiredTextModal';
import { useAssignmentText } from '../assignment.messages';

/** Asks for the reason a step needs (a return, a send-back) before anything is sent. */
export function ReasonModal({ open, title, placeholder, sending, onSubmit, onCancel }: { open: boolean; title: string; placeholder: string; sending: boolean; onSubmit(reason: string): void; onCancel(): void }) {
  const text = useAssignmentText();
  return <RequiredTextModal open={open} title={title} placeholder={placeholder} requiredText={text.reasonRequired} testId="assignment-reason" sending={sending} onSubmit={onSubmit} onCancel={onCancel} />;
}
