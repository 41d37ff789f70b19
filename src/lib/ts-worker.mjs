// A worker thread of src/lib/worker-pool.ts. Plain JavaScript, so Node can start it however the process
// was started (tsx, vitest, plain node): it registers tsx for the task module alone (tsImport), loads it,
// warms it up, says it is ready, then answers { id, task, payload } with { id, ok, value }.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport(workerData.module, import.meta.url);
const tasks = mod.tasks;
if (typeof mod.warmUp === 'function') mod.warmUp();
parentPort.on('message', (m) => {
  let reply;
  try {
    reply = { type: 'result', id: m.id, ok: true, value: tasks[m.task](m.payload) };
  } catch {
    // The caller runs the task again on its own thread and gets the error there.
    reply = { type: 'result', id: m.id, ok: false };
  }
  try {
    parentPort.postMessage(reply);
  } catch {
    parentPort.postMessage({ type: 'result', id: m.id, ok: false });
  }
});
parentPort.postMessage({ type: 'ready' });
