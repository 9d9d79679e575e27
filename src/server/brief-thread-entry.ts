/** The brief thread (brief-thread.ts): builds each brief it is sent and answers with its JSON text. */
import { parentPort } from 'node:worker_threads';
import { buildBriefJson } from '../briefs.ts';
import type { BriefReply, BriefRequest } from './brief-thread.ts';

const port = parentPort;
if (!port) throw new Error('brief-thread-entry.ts runs as a worker thread');

port.on('message', async (request: BriefRequest) => {
  let reply: BriefReply;
  try {
    reply = { id: request.id, ok: true, json: await buildBriefJson(request.summary, request.articles) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
