import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { decryptRtpSize, ipDiscoveryRequest, ipDiscoveryResponse, rtpSsrc, type RtpPacket } from './rtp';

export interface UdpStats {
  discoveries: number;
  keepAlives: number;
  packets: number;
  /** RTP packets that failed to decrypt with their SSRC's key (wrong key, tampered, not RTP). */
  undecryptable: number;
  /** RTP packets for an SSRC with no session description yet. */
  unknownSsrc: number;
  /** Packets dropped unanswered because their sender was silenced. */
  droppedWhileSilent: number;
}

/**
 * The media side of one voice server: answers IP discovery, echoes keep-alives as Discord does, and
 * decrypts every RTP packet with the key of its SSRC's session before handing it on. A silenced SSRC
 * (or the address it discovered from) gets no answers and its packets are dropped, as if the path died.
 */
export class VoiceUdp {
  readonly stats: UdpStats = {
    discoveries: 0,
    keepAlives: 0,
    packets: 0,
    undecryptable: 0,
    unknownSsrc: 0,
    droppedWhileSilent: 0,
  };
  private readonly socket: Socket = createSocket('udp4');
  private readonly keys = new Map<number, Buffer>();
  private readonly silenced = new Set<number>();
  private readonly ssrcByAddress = new Map<string, number>();

  constructor(private readonly onRtp: (packet: RtpPacket, at: number) => void) {
    this.socket.on('message', (message, remote) => this.onMessage(message, remote));
    this.socket.on('error', () => undefined);
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', resolve));
    return this.port;
  }

  get port(): number {
    return this.socket.address().port;
  }

  setKey(ssrc: number, key: Buffer): void {
    this.keys.set(ssrc, key);
  }

  forget(ssrc: number): void {
    this.keys.delete(ssrc);
    this.silenced.delete(ssrc);
  }

  silence(ssrc: number, silent: boolean): void {
    if (silent) this.silenced.add(ssrc);
    else this.silenced.delete(ssrc);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private onMessage(message: Buffer, remote: RemoteInfo): void {
    const from = `${remote.address}:${remote.port}`;
    const discovery = ipDiscoveryRequest(message);
    const ssrc = discovery ?? (message.length === 8 ? this.ssrcByAddress.get(from) : rtpSsrc(message));
    if (ssrc !== undefined && ssrc !== null && this.silenced.has(ssrc)) {
      this.stats.droppedWhileSilent++;
      return;
    }
    if (discovery !== null) {
      this.stats.discoveries++;
      this.ssrcByAddress.set(from, discovery);
      this.reply(ipDiscoveryResponse(discovery, remote.address, remote.port), remote);
    } else if (message.length === 8) {
      this.stats.keepAlives++;
      this.reply(message, remote);
    } else this.onPacket(message, ssrc ?? null);
  }

  private onPacket(message: Buffer, ssrc: number | null): void {
    this.stats.packets++;
    const key = ssrc === null ? undefined : this.keys.get(ssrc);
    if (!key) {
      this.stats.unknownSsrc++;
      return;
    }
    let packet: RtpPacket;
    try {
      packet = decryptRtpSize(message, key);
    } catch {
      this.stats.undecryptable++;
      return;
    }
    this.onRtp(packet, Date.now());
  }

  private reply(message: Buffer, remote: RemoteInfo): void {
    this.socket.send(message, remote.port, remote.address);
  }
}
