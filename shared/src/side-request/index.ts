export * from './side-request';
