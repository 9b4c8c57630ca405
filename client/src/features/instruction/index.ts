export { TaskInstructionsPanel } from './components/TaskInstructionsPanel';
export { FollowingPage } from './components/FollowingPage';
export { INSTRUCTION_TEXT, useInstructionText } from './instruction.messages';
