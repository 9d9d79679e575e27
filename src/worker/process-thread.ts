/**
 * A worker thread of `ingest --workers N`: runs processDocument (extract + annotate) on each document the
 * main thread sends and sends back the ArticleRecord or the error. The models load once per thread, at start,
 * before the first document (so its time budget is not spent on loading).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processDocument, warmUpPipeline } from '../pipeline.ts';
import { asPipelineError } from '../model.ts';
import type { ThreadReply, ThreadRequest, ThreadSettings } from './thread-pool.ts';

const port = parentPort;
if (!port) throw new Error('process-thread.ts runs as a worker thread');
const settings = (workerData ?? {}) as ThreadSettings;
warmUpPipeline();

port.on('message', (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply = { id: request.id, ok: true, record: processDocument(request.doc, { extract: settings.extract }) };
  } catch (err) {
    const error = asPipelineError(err);
    reply = { id: request.id, ok: false, error: { code: error.code, message: error.message } };
  }
  port.postMessage(reply);
});
