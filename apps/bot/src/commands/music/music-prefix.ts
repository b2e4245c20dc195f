import { PLAYER_LIMITS } from '#domain';
import { parseInteger, parseLoopMode, parseOnOff, parsePosition, parseTimestamp } from '../arguments';
import { argument as arg, type PrefixCommand } from '../prefix/prefix-command';
import type { MusicActions } from './music-actions';

const { minVolume, maxVolume } = PLAYER_LIMITS;

/** The music prefix commands (`h!play`, `h!q`, …), on the same actions as the slash commands. */
export function musicPrefixCommands(music: MusicActions): PrefixCommand[] {
  return [
    { name: 'play', aliases: ['p'], usage: '<url or words>', run: (i, m) => music.play(i, arg(m, 'rest')) },
    { name: 'playnext', usage: '<url or words>', run: (i, m) => music.play(i, arg(m, 'rest'), 'next') },
    { name: 'queue', aliases: ['q'], run: (i) => music.queue(i) },
    { name: 'nowplaying', aliases: ['np'], run: (i) => music.nowPlaying(i) },
    { name: 'join', run: (i) => music.join(i) },
    { name: 'leave', run: (i) => music.leave(i) },
    { name: 'skip', aliases: ['s'], run: (i) => music.skip(i) },
    { name: 'previous', aliases: ['prev'], run: (i) => music.previous(i) },
    { name: 'pause', run: (i) => music.pause(i) },
    { name: 'resume', run: (i) => music.resume(i) },
    { name: 'stop', run: (i) => music.stop(i) },
    { name: 'shuffle', run: (i) => music.shuffle(i) },
    { name: 'clear', run: (i) => music.clear(i) },
    {
      name: 'volume',
      aliases: ['vol'],
      usage: `<${minVolume}–${maxVolume}>`,
      run: (i, m) => music.volume(i, parseInteger(arg(m, 0), 'level', minVolume, maxVolume)),
    },
    {
      name: 'seek',
      usage: '<seconds | m:ss>',
      run: (i, m) => music.seek(i, parseTimestamp(arg(m, 0), 'position')),
    },
    {
      name: 'loop',
      usage: '<off | track | queue>',
      run: (i, m) => music.loop(i, parseLoopMode(arg(m, 0), 'mode')),
    },
    {
      name: 'remove',
      usage: '<position>',
      run: (i, m) => music.remove(i, parsePosition(arg(m, 0), 'position')),
    },
    {
      name: 'move',
      usage: '<from> <to>',
      run: (i, m) => music.move(i, parsePosition(arg(m, 0), 'from'), parsePosition(arg(m, 1), 'to')),
    },
    {
      name: 'fairshare',
      usage: '<on | off>',
      run: (i, m) => music.fairShare(i, parseOnOff(arg(m, 0), 'enabled')),
    },
  ];
}
