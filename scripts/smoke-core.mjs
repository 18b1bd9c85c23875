// Run inside a fresh project that has the packed kit and ky installed, and neither React nor
// react-query: `api-error-kit/core` must load there and map a real HTTP failure.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';

for (const absent of ['react', 'react-dom', '@tanstack/react-query']) {
  await assert.rejects(import(absent), `${absent} is installed, so this check would prove nothing`);
}

const core = await import('api-error-kit/core');
assert.equal(typeof core.createApiClient, 'function');
assert.equal(typeof core.isApiError, 'function');
assert.ok(import.meta.resolve('api-error-kit/styles.css').endsWith('/dist/styles.css'));

const server = createServer((_request, response) => {
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '7' });
  response.end(JSON.stringify({ status: 503, error: 'Down for maintenance', support_id: 'smoke-1' }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

try {
  const client = core.createApiClient({ prefix: `http://127.0.0.1:${port}/`, gate: false });
  const error = await client.get('status').json().then(
    () => assert.fail('a 503 should reject'),
    (reason) => reason,
  );
  assert.ok(core.isApiError(error), 'the rejection is an ApiError');
  assert.equal(error.kind, 'unavailable');
  assert.equal(error.supportId, 'smoke-1');
  assert.equal(error.retryAfterMs, 7000);
} finally {
  server.close();
}
console.log('✔ api-error-kit/core loads and maps errors without React or react-query installed');
