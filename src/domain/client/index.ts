export * from './decide';
export * from './decide-handoff';
export { mergeClients } from './decide-lifecycle';
export * from './decision-context';
export * from './evolve';
export * from './interaction-ids';
export * from './state';
