export { PlanImportPage } from './components/PlanImportPage';
