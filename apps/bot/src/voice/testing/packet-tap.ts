import type { AudioPlayer } from '@discordjs/voice';

/** What @discordjs/voice sends while it has no audio: three bytes of Opus silence. */
const isSilence = (packet: Buffer) =>
  packet.length === 3 && packet[0] === 0xf8 && packet[1] === 0xff && packet[2] === 0xfe;

/**
 * Stands in for a ready VoiceConnection and counts the Opus packets an AudioPlayer hands it every
 * 20 ms — what Discord would receive. AudioPlayer's `subscribe` is internal (VoiceConnection calls
 * it), so this reaches it by name; the tap needs only the three methods the player calls.
 */
export class PacketTap {
  audio = 0;
  silence = 0;
  bytes = 0;
  /** The player sends only to a connection whose status is `ready`: set another to cut it off. */
  readonly state: { status: string } = { status: 'ready' };

  static attach(player: AudioPlayer): PacketTap {
    const tap = new PacketTap();
    (player as unknown as { subscribe(connection: unknown): unknown }).subscribe(tap);
    return tap;
  }

  prepareAudioPacket(packet: Buffer): void {
    if (isSilence(packet)) this.silence++;
    else {
      this.audio++;
      this.bytes += packet.length;
    }
  }

  dispatchAudio(): boolean {
    return true;
  }

  setSpeaking(): void {}
}
