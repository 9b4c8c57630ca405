export { WatchListPage } from './components/WatchListPage';
export { LightDot, LightTag, lightLabel } from './components/TaskLight';
export { SUPERVISION_TEXT, useSupervisionText } from './supervision.messages';
