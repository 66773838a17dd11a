/**
 * A worker thread of `-j N`: it receives tasks (paths of dump files to read, bytes, or record texts),
 * parses them with the library, and sends back the documents already rendered as strings, so the main
 * thread only writes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runTask, type Task, type TaskSettings } from "./task.js";

const settings = workerData as TaskSettings;

parentPort!.on("message", (message: { id: number; task: Task }) => {
  try {
    parentPort!.postMessage({ id: message.id, results: runTask(message.task, settings) });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    parentPort!.postMessage({ id: message.id, crash: { message: e.message, stack: e.stack ?? e.message } });
  }
});
// The library is loaded: tasks can come.
parentPort!.postMessage({ ready: true });
