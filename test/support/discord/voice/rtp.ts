import { createDecipheriv } from 'node:crypto';

/** The Opus silence frame @discordjs/voice sends (five of them) when a player stops. */
export const OPUS_SILENCE = Buffer.from([0xf8, 0xff, 0xfe]);

const RTP_HEADER = 12;
const AUTH_TAG = 16;
const NONCE_SUFFIX = 4;
const IP_DISCOVERY_LENGTH = 74;

export interface RtpPacket {
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  /** The Opus packet, decrypted, with any header-extension body removed. */
  opus: Buffer;
}

/** An RTP packet's fixed fields, read without decrypting (null when it is not RTP version 2). */
export function rtpSsrc(packet: Buffer): number | null {
  if (packet.length < RTP_HEADER + AUTH_TAG + NONCE_SUFFIX || packet[0]! >> 6 !== 2) return null;
  return packet.readUInt32BE(8);
}

/**
 * Decrypts an `aead_aes256_gcm_rtpsize` packet, as Discord's voice server does: the unencrypted part
 * (AAD) is the 12-byte header, the CSRCs and, when the X bit is set, the 4-byte extension header; the
 * extension body is encrypted with the payload. The last 4 bytes are the nonce's big-endian counter,
 * zero-padded to 12 bytes; the 16-byte GCM tag precedes them. Throws when the key or packet is wrong.
 */
export function decryptRtpSize(packet: Buffer, key: Buffer): RtpPacket {
  const csrcCount = packet[0]! & 0x0f;
  const hasExtension = (packet[0]! & 0x10) !== 0;
  const aadEnd = RTP_HEADER + 4 * csrcCount + (hasExtension ? 4 : 0);
  const tagStart = packet.length - NONCE_SUFFIX - AUTH_TAG;
  if (tagStart < aadEnd) throw new Error(`RTP packet too short (${packet.length} bytes)`);
  const nonce = Buffer.alloc(12);
  packet.copy(nonce, 0, packet.length - NONCE_SUFFIX);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(packet.subarray(0, aadEnd));
  decipher.setAuthTag(packet.subarray(tagStart, tagStart + AUTH_TAG));
  let plain = Buffer.concat([decipher.update(packet.subarray(aadEnd, tagStart)), decipher.final()]);
  if (hasExtension) plain = plain.subarray(4 * packet.readUInt16BE(aadEnd - 2));
  if (packet[0]! & 0x20) plain = plain.subarray(0, plain.length - plain[plain.length - 1]!);
  return {
    payloadType: packet[1]! & 0x7f,
    sequence: packet.readUInt16BE(2),
    timestamp: packet.readUInt32BE(4),
    ssrc: packet.readUInt32BE(8),
    opus: plain,
  };
}

/** An IP discovery request: 74 bytes, type 0x1, length 70, then the SSRC. Returns the SSRC or null. */
export function ipDiscoveryRequest(packet: Buffer): number | null {
  if (packet.length !== IP_DISCOVERY_LENGTH || packet.readUInt16BE(0) !== 1) return null;
  if (packet.readUInt16BE(2) !== 70) return null;
  return packet.readUInt32BE(4);
}

/** The answer: type 0x2, length 70, SSRC, the sender's address (null-terminated, 64 bytes), its port. */
export function ipDiscoveryResponse(ssrc: number, address: string, port: number): Buffer {
  const response = Buffer.alloc(IP_DISCOVERY_LENGTH);
  response.writeUInt16BE(2, 0);
  response.writeUInt16BE(70, 2);
  response.writeUInt32BE(ssrc, 4);
  response.write(address, 8, 63, 'utf8');
  response.writeUInt16BE(port, IP_DISCOVERY_LENGTH - 2);
  return response;
}
