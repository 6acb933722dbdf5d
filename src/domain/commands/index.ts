export * from './commands';
export * from './context';
export * from './lookups';
