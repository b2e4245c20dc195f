import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';

/** What the gateway handed out for one guild: the bot must IDENTIFY to the voice server with exactly this. */
export interface VoiceGrant {
  guildId: string;
  userId: string;
  sessionId: string;
  token: string;
  channelId: string;
}

export interface NumberedMessage {
  op: number;
  d: unknown;
  seq: number;
}

/** Closes after which the voice session is over, so a RESUME is refused with 4006. */
const SESSION_ENDING = new Set([4004, 4006, 4009, 4014, 4022]);
const REPLAY_BUFFER = 1_000;

/**
 * One voice session on a voice server, from IDENTIFY to its end: the SSRC and key it was given, its
 * numbered messages (voice gateway v8 numbers what the server sends, and a RESUME replays those after
 * `seq_ack`), and the socket it currently has. It outlives a dropped socket so the bot can RESUME.
 */
export class VoiceSession {
  readonly secretKey = randomBytes(32);
  readonly mode = 'aead_aes256_gcm_rtpsize';
  /** The address and port the bot reported in SELECT PROTOCOL, once it did. */
  selected: { address: string; port: number; mode: string } | null = null;
  /** Whether the bot's last SPEAKING said it speaks. */
  speaking = false;
  ended = false;
  private sequence = 0;
  private acked = 0;
  private readonly history: NumberedMessage[] = [];
  private socket: WebSocket | null = null;

  constructor(
    readonly grant: VoiceGrant,
    readonly ssrc: number,
    /** The highest DAVE version the bot offered in IDENTIFY. */
    readonly maxDaveProtocolVersion: number,
  ) {}

  get seq(): number {
    return this.sequence;
  }

  get connection(): WebSocket | null {
    return this.socket;
  }

  attach(socket: WebSocket): void {
    if (this.socket && this.socket !== socket) this.socket.terminate();
    this.socket = socket;
  }

  detach(socket: WebSocket): void {
    if (this.socket === socket) this.socket = null;
  }

  /** Numbers the message, keeps it for a RESUME, and sends it if a socket is attached. */
  send(op: number, d: unknown): void {
    const message = { op, d, seq: ++this.sequence };
    this.history.push(message);
    if (this.history.length > REPLAY_BUFFER) this.history.shift();
    this.write(message);
  }

  /** The bot acknowledged messages up to `seq` (heartbeat or RESUME): they need not be replayed. */
  acknowledge(seq: number): void {
    if (seq > this.acked && seq <= this.sequence) this.acked = seq;
    while (this.history.length > 0 && this.history[0]!.seq <= this.acked) this.history.shift();
  }

  replayAfter(seq: number): number {
    const missed = this.history.filter((message) => message.seq > seq);
    missed.forEach((message) => this.write(message));
    return missed.length;
  }

  /** Closes the socket with a code (ending the session for 4004/4006/4009/4014/4022), or cuts it. */
  close(code?: number): void {
    if (code !== undefined && SESSION_ENDING.has(code)) this.ended = true;
    if (code === undefined) this.socket?.terminate();
    else this.socket?.close(code, 'Closed by the voice server');
  }

  private write(message: NumberedMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
