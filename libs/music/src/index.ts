export * from './track-info';
export * from './music-config';
export * from './music-track-resolver';
export * from './resolver-errors';
export * from './library/local-library';
export * from './library/m3u';
export * from './process/ffprobe';
export * from './sources/ytdlp-json';
export { findExecutable } from './sources/ytdlp-source';
