export * from './shared/decider';
export * from './shared/domain-error';
export * from './guild/guild.events';
export * from './guild/guild.commands';
export * from './guild/guild.rules';
export * from './guild/guild.decider';
export * from './user/user.events';
export * from './user/user.decider';
