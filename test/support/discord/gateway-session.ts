import { randomBytes } from 'node:crypto';
import { GatewayOpcodes } from 'discord-api-types/v10';
import { WebSocket } from 'ws';

export interface SentDispatch {
  s: number;
  t: string;
  d: unknown;
}

// Closes after which Discord forgets the session, so the next RESUME gets op 9 (false).
const SESSION_ENDING_CLOSES = new Set([1000, 1001, 4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);

/** How many dispatches a session keeps for RESUME; older ones make a resume fail with op 9. */
const REPLAY_BUFFER = 10_000;

/**
 * One gateway session, as Discord keeps it between connections: its id, the shard it serves, the
 * sequence of its dispatches, and the dispatches a RESUME may ask for again. A session outlives its
 * socket; dispatches made while no socket is attached wait in the buffer for the RESUME.
 */
export class GatewaySession {
  readonly id = randomBytes(16).toString('hex');
  private sequence = 0;
  private readonly history: SentDispatch[] = [];
  private socket: WebSocket | null = null;
  /** False once Discord would refuse to resume it (op 9 false, a new IDENTIFY, a fatal close). */
  resumable = true;

  constructor(
    readonly shardId: number,
    readonly shardCount: number,
    readonly intents: number,
  ) {}

  get seq(): number {
    return this.sequence;
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  get connection(): WebSocket | null {
    return this.socket;
  }

  attach(socket: WebSocket): void {
    this.socket = socket;
  }

  detach(socket: WebSocket): void {
    if (this.socket === socket) this.socket = null;
  }

  /** Numbers the dispatch, keeps it for RESUME and sends it if a socket is attached. */
  dispatch(t: string, d: unknown): number {
    const event = { s: ++this.sequence, t, d };
    this.history.push(event);
    if (this.history.length > REPLAY_BUFFER) this.history.shift();
    this.send(event);
    return event.s;
  }

  /** Whether a RESUME from `seq` can be served: not ahead of us, not older than the buffer. */
  canReplayFrom(seq: number): boolean {
    const oldest = this.history[0]?.s ?? this.sequence + 1;
    return seq <= this.sequence && seq >= oldest - 1;
  }

  /** Re-sends every dispatch after `seq`, in order; returns how many. */
  replayAfter(seq: number): number {
    const missed = this.history.filter((event) => event.s > seq);
    missed.forEach((event) => this.send(event));
    return missed.length;
  }

  /** Ends the socket: with a close code, or (no code) as a network drop would. */
  drop(code?: number): void {
    if (code !== undefined && SESSION_ENDING_CLOSES.has(code)) this.resumable = false;
    if (code === undefined) this.socket?.terminate();
    else this.socket?.close(code, 'Closed by the test');
  }

  /** Op 7: Discord asks the bot to reconnect and resume. */
  requestReconnect(): void {
    this.sendOp(GatewayOpcodes.Reconnect, null);
  }

  /** Op 9: the session is invalid; `resumable` says whether the bot may RESUME it. */
  invalidate(resumable: boolean): void {
    this.resumable = resumable;
    this.sendOp(GatewayOpcodes.InvalidSession, resumable);
  }

  /** Op 1 from the server: the bot must heartbeat at once. */
  requestHeartbeat(): void {
    this.sendOp(GatewayOpcodes.Heartbeat, null);
  }

  sendOp(op: GatewayOpcodes, d: unknown): void {
    if (this.connected) this.socket!.send(JSON.stringify({ op, d, s: null, t: null }));
  }

  private send(event: SentDispatch): void {
    if (this.connected) this.socket!.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
  }
}
