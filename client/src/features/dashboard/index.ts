export { DashboardPage, type DashboardPageProps } from './components/DashboardPage';
export { useDashboardText } from './dashboard.messages';
