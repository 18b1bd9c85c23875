// Runs one client alone on a fresh thread (its own JIT state, its own connections) and reports
// its cost per request: the overhead benchmarks compare clients run this way, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { preciseNow } from './clock.js';
import type { ClientRunSettings } from './client-runs.js';
import { OVERHEAD_CLIENTS } from './overhead-clients.js';

const answerFromMemory: typeof fetch = async () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });

const { client: id, url, warmup, requests, inMemory } = workerData as ClientRunSettings;
const client = inMemory ? OVERHEAD_CLIENTS[id].create('http://127.0.0.1/', answerFromMemory) : OVERHEAD_CLIENTS[id].create(url);
for (let index = 0; index < warmup; index += 1) await client.get('items/overhead').json();
const cpuStart = process.threadCpuUsage();
const start = preciseNow();
for (let index = 0; index < requests; index += 1) await client.get('items/overhead').json();
const wall = (preciseNow() - start) * 1000;
const cpu = process.threadCpuUsage(cpuStart);
parentPort!.postMessage({ cpuMicros: (cpu.user + cpu.system) / requests, wallMicros: wall / requests });
