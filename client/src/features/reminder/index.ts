export { TaskRemindersPanel, type ReminderTask } from './components/TaskRemindersPanel';
export { ReminderList } from './components/ReminderList';
export { ReminderSlipPage } from './components/ReminderSlipPage';
export { MY_REMINDERS, type Reminder } from './graphql/reminder.graphql';
export { useReminderText } from './reminder.messages';
export { reminderSlipIdOf, reminderSlipPath } from './utils/reminder-rules';
