import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import OpusScript from 'opusscript';
import { HeardStream, summarize } from './heard';
import { OPUS_SILENCE, decryptRtpSize, ipDiscoveryRequest, ipDiscoveryResponse, type RtpPacket } from './rtp';

// Packets built as Discord's docs describe aead_aes256_gcm_rtpsize, independently of @discordjs/voice.

function header(seq: number, timestamp: number, ssrc: number, extensionWords = 0): Buffer {
  const fixed = Buffer.alloc(12);
  fixed[0] = extensionWords ? 0x90 : 0x80;
  fixed[1] = 0x78;
  fixed.writeUInt16BE(seq, 2);
  fixed.writeUInt32BE(timestamp, 4);
  fixed.writeUInt32BE(ssrc, 8);
  if (!extensionWords) return fixed;
  const extension = Buffer.from([0xbe, 0xde, 0, extensionWords]);
  return Buffer.concat([fixed, extension]);
}

function encrypt(aad: Buffer, plain: Buffer, key: Buffer, counter: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUInt32BE(counter, 0);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([aad, sealed, nonce.subarray(0, 4)]);
}

const key = randomBytes(32);

describe('RTP in aead_aes256_gcm_rtpsize', () => {
  it('given a packet with a header extension, when decrypted, then the extension body is stripped and the fields read', () => {
    const opus = randomBytes(60);
    const extensionBody = randomBytes(8);
    const packet = encrypt(header(65535, 4_294_966_336, 77, 2), Buffer.concat([extensionBody, opus]), key, 9);
    const decrypted = decryptRtpSize(packet, key);
    assert.deepEqual(decrypted.opus, opus);
    assert.deepEqual(
      [decrypted.sequence, decrypted.timestamp, decrypted.ssrc, decrypted.payloadType],
      [65535, 4_294_966_336, 77, 120],
    );
  });

  it('given a packet, when its header is altered or the key is another, then decryption fails', () => {
    const packet = encrypt(header(1, 960, 5), randomBytes(40), key, 1);
    const altered = Buffer.from(packet);
    altered.writeUInt16BE(2, 2);
    assert.throws(() => decryptRtpSize(altered, key));
    assert.throws(() => decryptRtpSize(packet, randomBytes(32)));
  });

  it('given an IP discovery request, when answered, then the response carries the SSRC, address and port in 74 bytes', () => {
    const request = Buffer.alloc(74);
    request.writeUInt16BE(1, 0);
    request.writeUInt16BE(70, 2);
    request.writeUInt32BE(1234, 4);
    assert.equal(ipDiscoveryRequest(request), 1234);
    assert.equal(ipDiscoveryRequest(request.subarray(0, 70)), null);
    const response = ipDiscoveryResponse(1234, '127.0.0.1', 50_000);
    assert.equal(response.length, 74);
    assert.equal(response.readUInt16BE(0), 2);
    assert.equal(response.subarray(8, response.indexOf(0, 8)).toString(), '127.0.0.1');
    assert.equal(response.readUInt16BE(72), 50_000);
  });
});

describe('HeardStream', () => {
  const frame = (sequence: number, timestamp: number, opus: Buffer = OPUS_SILENCE): RtpPacket => ({
    payloadType: 120,
    sequence,
    timestamp,
    ssrc: 1,
    opus,
  });

  it('given frames across the 16-bit wrap with one lost and one repeated, when reported, then the gap, the repeat and a bad timestamp are counted', () => {
    const stream = new HeardStream(1, { decodeEvery: 0 });
    stream.receive(frame(65534, 0), 0);
    stream.receive(frame(65535, 960), 20);
    stream.receive(frame(1, 2880), 60); // 0 lost
    stream.receive(frame(1, 2880), 61); // repeated
    stream.receive(frame(2, 9999), 80); // timestamp not +960
    const heard = stream.report();
    assert.equal(heard.frames, 5);
    assert.equal(heard.silenceFrames, 5);
    assert.equal(heard.sequenceGaps, 1);
    assert.equal(heard.outOfOrder, 1);
    assert.equal(heard.timestampErrors, 1);
    assert.equal(heard.maxArrivalGapMs, 40);
  });

  it('given Opus frames of a 880 Hz tone at half scale, when reported, then they decode to about 880 Hz at that level', () => {
    const encoder = new OpusScript(48_000, 2, OpusScript.Application.AUDIO);
    const stream = new HeardStream(1);
    for (let n = 0; n < 25; n++) {
      const pcm = Buffer.alloc(960 * 4);
      for (let i = 0; i < 960; i++) {
        const value = Math.round(16_384 * Math.sin((2 * Math.PI * 880 * (n * 960 + i)) / 48_000));
        pcm.writeInt16LE(value, i * 4);
        pcm.writeInt16LE(value, i * 4 + 2);
      }
      stream.receive(frame(n, n * 960, encoder.encode(pcm, 960)), n * 20);
    }
    encoder.delete();
    const heard = stream.report();
    const steady = summarize(heard.timeline.slice(5));
    assert.equal(heard.decodedFrames, 25);
    assert.equal(heard.decodedSamples, 25 * 960);
    assert.ok(Math.abs(steady.medianHz - 880) < 30, `${steady.medianHz} Hz`);
    assert.ok(Math.abs(steady.rms - 0.5 / Math.SQRT2) < 0.05, `rms ${steady.rms}`);
    assert.ok(steady.peak > 0.45 && steady.peak < 0.6, `peak ${steady.peak}`);
    stream.close();
  });
});
