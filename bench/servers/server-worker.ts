// Runs the benchmark server on its own thread, so its clock and answers do not wait on the
// client's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { startBenchServer, type BenchServerOptions } from './server.js';

const server = await startBenchServer(workerData as BenchServerOptions);
const port = parentPort!;
port.on('message', async (message: 'records' | 'close') => {
  if (message === 'records') port.postMessage({ type: 'records', records: server.records() });
  if (message === 'close') {
    await server.close();
    port.postMessage({ type: 'closed' });
    port.close();
  }
});
port.postMessage({ type: 'ready', url: server.url });
