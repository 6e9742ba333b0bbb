// A reading worker: gets file paths, reads and hashes them, runs the pipeline,
// and posts Documents back. The main thread is the only writer.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { createContext, readDocument } from '../pipeline.js'
import { ReadError } from '../read/index.js'
import type { ToMain, ToWorker } from './protocol.js'

const port = parentPort
if (!port) throw new Error('ingest worker started outside a worker thread')
const known = new Set<string>((workerData as { known: string[] }).known)
const ctx = { ...(await createContext()), nameHints: true }

port.on('message', async (msg: ToWorker) => {
  if (msg.type === 'known') {
    for (const sha of msg.shas) known.add(sha)
    return
  }
  const reply = (m: ToMain, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer)
  try {
    const bytes = await readFile(msg.path)
    const sha = createHash('sha256').update(bytes).digest('hex')
    if (known.has(sha)) return reply({ type: 'unchanged', path: msg.path, bytes: bytes.length })
    const doc = await readDocument(bytes, basename(msg.path), ctx)
    const raw = new Uint8Array(bytes)
    reply({ type: 'doc', path: msg.path, doc, raw }, [raw.buffer as ArrayBuffer])
  } catch (err) {
    const reason = err instanceof ReadError ? err.message : err instanceof Error ? err.message.split('\n')[0] : String(err)
    reply({ type: 'failed', path: msg.path, reason: reason ?? 'unknown error' })
  }
})
port.postMessage({ type: 'ready' } satisfies ToMain)
