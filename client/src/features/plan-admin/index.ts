export { PlanAdminCards } from './components/PlanAdminCards';
export { InspectionTeamsCard } from './components/InspectionTeamsCard';
export { PlanSettingsCard } from './components/PlanSettingsCard';
export { PLAN_ADMIN_TEXT, usePlanAdminText } from './plan-admin.messages';
