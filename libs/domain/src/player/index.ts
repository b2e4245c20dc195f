export * from './player.track';
export * from './player.events';
export * from './player.commands';
export * from './player.state';
export * from './player.queue';
export * from './player.decider';
export * from './track-resolver';
export * from './player.playback';
