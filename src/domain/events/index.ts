export * from './catalogue';
export * from './client-events';
export * from './handover-events';
export * from './metadata';
export * from './person-events';
export * from './primitives';
