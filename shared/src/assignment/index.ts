export * from './assignment-rules';
