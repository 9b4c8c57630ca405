export { BulletinPage, BulletinDocument } from './components/BulletinPage';
export { SUPERVISION_BULLETIN, type Bulletin } from './graphql/bulletin.graphql';
export { BULLETIN_TEXT, useBulletinText } from './bulletin.messages';
export { bulletinParamsOf, bulletinPath, isBulletinPath, recentPeriods, supervisionLedgerPath } from './utils/bulletin-route';
