import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { BenchServerOptions, RequestRecord } from './server.js';

/** A benchmark server running on a worker thread. */
export interface ServerThread {
  url: string;
  /** Every request so far, in arrival order. */
  records(): Promise<RequestRecord[]>;
  close(): Promise<void>;
}

type WorkerMessage = { type: 'ready'; url: string } | { type: 'records'; records: RequestRecord[] } | { type: 'closed' };

async function next<T extends WorkerMessage['type']>(worker: Worker, type: T): Promise<Extract<WorkerMessage, { type: T }>> {
  for (;;) {
    const [message] = (await once(worker, 'message')) as [WorkerMessage];
    if (message.type === type) return message as Extract<WorkerMessage, { type: T }>;
  }
}

/**
 * Starts {@link startBenchServer} on a worker thread.
 *
 * @example
 * const server = await startServerThread({ outageMs: 20_000 });
 * // … requests to server.url …
 * const records = await server.records();
 * await server.close();
 */
export async function startServerThread(options: BenchServerOptions = {}): Promise<ServerThread> {
  const worker = new Worker(new URL('./server-worker.ts', import.meta.url), { workerData: options });
  const { url } = await next(worker, 'ready');
  return {
    url,
    async records() {
      worker.postMessage('records');
      return (await next(worker, 'records')).records;
    },
    async close() {
      worker.postMessage('close');
      await next(worker, 'closed');
      await worker.terminate();
    },
  };
}
