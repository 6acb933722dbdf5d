export { type CommandBusOptions, createCommandBus } from './command-bus';
export { deriveEventId, deriveUlid } from './derived-ids';
