export * from './shared/decider';
export * from './shared/domain-error';
export * from './guild/guild.events';
export * from './guild/guild.commands';
