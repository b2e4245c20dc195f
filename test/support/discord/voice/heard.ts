import OpusScript from 'opusscript';
import { OPUS_SILENCE, type RtpPacket } from './rtp';

/** Samples per channel in one 20 ms Opus frame at 48 kHz: the RTP timestamp step. */
export const FRAME_SAMPLES = 960;

/** One received frame; `rms`, `peak` (0..1 of full scale) and `hz` only when it was decoded. */
export interface HeardFrame {
  seq: number;
  timestamp: number;
  at: number;
  bytes: number;
  silence: boolean;
  rms?: number;
  peak?: number;
  /** The left channel's frequency from its zero crossings (±25 Hz in one frame). */
  hz?: number;
}

/** What the voice server heard from one SSRC. */
export interface Heard {
  ssrc: number;
  frames: number;
  silenceFrames: number;
  decodedFrames: number;
  /** Decoded samples per channel. */
  decodedSamples: number;
  /** Over every decoded non-silence frame, 0..1 of full scale. */
  rms: number;
  peak: number;
  /** Sequence numbers skipped (lost or never sent), counted once each. */
  sequenceGaps: number;
  /** Packets repeating or older than the last sequence number. */
  outOfOrder: number;
  /** Frames whose timestamp is not the previous one plus 960 per sequence step. */
  timestampErrors: number;
  /** The longest wait between two frames, in ms. */
  maxArrivalGapMs: number;
  firstAt: number | null;
  lastAt: number | null;
  /** Every frame in order of arrival (empty when the server keeps no timeline). */
  timeline: readonly HeardFrame[];
}

export interface ListeningOptions {
  /** Decode every n-th frame (1: all, the default; 0: none, for benchmarks). */
  decodeEvery?: number;
  /** Keep each frame in `timeline` (default true; benchmarks turn it off). */
  keepTimeline?: boolean;
}

/** Checks, counts and decodes the frames of one SSRC as they arrive. */
export class HeardStream {
  private readonly decoder: OpusScript | null;
  private readonly frames: HeardFrame[] = [];
  private readonly totals = { frames: 0, silence: 0, decoded: 0, gaps: 0, late: 0, tsErrors: 0 };
  private sumSquares = 0;
  private peak = 0;
  private maxGap = 0;
  private last: { seq: number; timestamp: number; at: number } | null = null;
  private first: number | null = null;

  constructor(
    readonly ssrc: number,
    private readonly options: ListeningOptions = {},
  ) {
    this.decoder = (options.decodeEvery ?? 1) > 0 ? new OpusScript(48_000, 2) : null;
  }

  receive(packet: RtpPacket, at: number): void {
    const silence = packet.opus.equals(OPUS_SILENCE);
    const frame: HeardFrame = {
      seq: packet.sequence,
      timestamp: packet.timestamp,
      at,
      bytes: packet.opus.length,
      silence,
    };
    this.check(frame);
    this.totals.frames++;
    if (silence) this.totals.silence++;
    const every = this.options.decodeEvery ?? 1;
    if (this.decoder && !silence && this.totals.frames % every === 0) this.decode(packet.opus, frame);
    if (this.options.keepTimeline !== false) this.frames.push(frame);
  }

  report(): Heard {
    const samples = this.totals.decoded * FRAME_SAMPLES;
    return {
      ssrc: this.ssrc,
      frames: this.totals.frames,
      silenceFrames: this.totals.silence,
      decodedFrames: this.totals.decoded,
      decodedSamples: samples,
      rms: samples ? Math.sqrt(this.sumSquares / (samples * 2)) : 0,
      peak: this.peak,
      sequenceGaps: this.totals.gaps,
      outOfOrder: this.totals.late,
      timestampErrors: this.totals.tsErrors,
      maxArrivalGapMs: this.maxGap,
      firstAt: this.first,
      lastAt: this.last?.at ?? null,
      timeline: this.frames,
    };
  }

  close(): void {
    this.decoder?.delete();
  }

  private check(frame: HeardFrame): void {
    this.first ??= frame.at;
    const last = this.last;
    if (last) {
      const step = (frame.seq - last.seq) & 0xffff;
      if (step === 0 || step > 0x8000) {
        this.totals.late++;
        return;
      }
      this.totals.gaps += step - 1;
      const expected = (last.timestamp + step * FRAME_SAMPLES) % 2 ** 32;
      if (frame.timestamp !== expected) this.totals.tsErrors++;
      this.maxGap = Math.max(this.maxGap, frame.at - last.at);
    }
    this.last = { seq: frame.seq, timestamp: frame.timestamp, at: frame.at };
  }

  private decode(opus: Buffer, frame: HeardFrame): void {
    let pcm: Buffer;
    try {
      pcm = this.decoder!.decode(opus);
    } catch {
      return; // not Opus: counted as a frame, never as decoded
    }
    const analysis = analyse(pcm);
    Object.assign(frame, analysis.frame);
    this.sumSquares += analysis.sumSquares;
    this.peak = Math.max(this.peak, analysis.frame.peak);
    this.totals.decoded++;
  }
}

/** RMS and peak of interleaved stereo s16le PCM, and the left channel's frequency. */
function analyse(pcm: Buffer) {
  const samples = pcm.length / 4;
  let sumSquares = 0;
  let peak = 0;
  let crossings = 0;
  let previous = 0;
  for (let i = 0; i < samples; i++) {
    const left = pcm.readInt16LE(i * 4) / 32768;
    const right = pcm.readInt16LE(i * 4 + 2) / 32768;
    sumSquares += left * left + right * right;
    peak = Math.max(peak, Math.abs(left), Math.abs(right));
    if (i > 0 && left >= 0 !== previous >= 0) crossings++;
    previous = left;
  }
  const seconds = samples / 48_000;
  return {
    sumSquares,
    frame: { rms: Math.sqrt(sumSquares / (samples * 2)), peak, hz: crossings / 2 / seconds },
  };
}

/** A summary of some frames (e.g. a window of a timeline): median frequency, RMS, arrival gaps. */
export function summarize(frames: readonly HeardFrame[]) {
  const decoded = frames.filter((f) => f.rms !== undefined);
  const hz = decoded.map((f) => f.hz!).sort((a, b) => a - b);
  const rms = Math.sqrt(decoded.reduce((sum, f) => sum + f.rms! ** 2, 0) / (decoded.length || 1));
  let maxGapMs = 0;
  for (let i = 1; i < frames.length; i++) maxGapMs = Math.max(maxGapMs, frames[i]!.at - frames[i - 1]!.at);
  return {
    frames: frames.length,
    silenceFrames: frames.filter((f) => f.silence).length,
    medianHz: hz.length ? hz[Math.floor(hz.length / 2)]! : 0,
    rms,
    peak: decoded.reduce((max, f) => Math.max(max, f.peak!), 0),
    maxGapMs,
  };
}
