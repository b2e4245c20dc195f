import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  readonly file: string;
  readonly busyTimeoutMs: number;
  readonly intervalMs?: number;
  readonly restartFrames?: number;
  /** Called if the worker dies, so the store can fall back to checkpointing on its own connection. */
  readonly onFailure: (error: unknown) => void;
}

/** Runs WAL checkpoints in a worker thread; see wal-checkpointer.worker.ts for why. */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private failed = false;

  constructor(options: WalCheckpointerOptions) {
    this.worker = new Worker(join(__dirname, 'wal-checkpointer.worker.js'), {
      workerData: {
        file: options.file,
        busyTimeoutMs: options.busyTimeoutMs,
        intervalMs: options.intervalMs ?? 100,
        // 256k frames of 4 KiB: under sustained load the WAL may reach about 1 GiB before a RESTART
        // checkpoint holds writers back. At 256 MB the stall came every second of a 20k appends/s
        // burst and set the p99; passive checkpoints catch up as soon as the burst ends, and
        // journal_size_limit shrinks the file again.
        restartFrames: options.restartFrames ?? 262_144,
      },
    });
    this.worker.unref();
    const fail = (error: unknown) => {
      if (this.failed) return;
      this.failed = true;
      options.onFailure(error);
    };
    this.worker.on('message', (message: { error?: string }) => {
      // A failed checkpoint is retried on the next tick; it only matters if the worker cannot go on.
      if (message.error) process.emitWarning(`WAL checkpoint failed: ${message.error}`);
    });
    this.worker.on('error', fail);
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** Runs a last checkpoint and waits for the worker to close its connection. */
  async close(): Promise<void> {
    // Referenced again so the process waits for the final checkpoint instead of exiting under it.
    this.worker.ref();
    if (!this.failed) this.worker.postMessage('close');
    await this.exited;
  }
}
