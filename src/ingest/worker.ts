// A reading worker: gets papers (a path or bytes) and, one at a time, reads and
// hashes each, runs the pipeline and posts the Document back. The thread that
// started it is the only writer, and terminates it when a paper takes too long.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { createContext, readDocument } from '../pipeline.js'
import { ReadError } from '../read/index.js'
import { type ListedRecord, openDataList } from '../read/opendata.js'
import type { SyncItem } from '../store/store.js'
import { metadataPaper } from '../sync/content.js'
import type { ReadOutcome, ToMain, ToWorker, WorkerSetup } from './protocol.js'

const port = parentPort
if (!port) throw new Error('reading worker started outside a worker thread')
const setup = workerData as WorkerSetup
const known = new Set<string>(setup.known)
const ctx = { ...(await createContext(setup.read)), nameHints: setup.nameHints }

/**
 * The records of an open-data list file, as a sync would store them: every record kept, a deleted one
 * removing what it describes, and each Document record with its paper, read from the record (its own
 * text is fetched by `kamerwacht sync tk`, not from a file).
 */
async function listItems(list: ListedRecord[], name: string): Promise<SyncItem[]> {
  const items: SyncItem[] = []
  for (const { entity, record } of list) {
    const item: SyncItem = {
      record: {
        entity,
        id: String(record.Id),
        modified: String(record.ApiGewijzigdOp ?? record.GewijzigdOp ?? ''),
        deleted: record.Verwijderd === true,
        record,
      },
    }
    if (entity === 'Document' && !item.record.deleted)
      item.paper = await metadataPaper(record, ctx, 'absent', `read from the open-data list ${name}; its own text is fetched by kamerwacht sync tk`)
    items.push(item)
  }
  return items
}

async function read(msg: ToWorker): Promise<{ outcome: ReadOutcome; transfer: ArrayBuffer[] }> {
  try {
    const { job } = msg
    const bytes = 'path' in job ? new Uint8Array(await readFile(job.path)) : job.bytes
    const name = 'path' in job ? basename(job.path) : job.name
    const sha = createHash('sha256').update(bytes).digest('hex')
    if (known.has(sha)) return { outcome: { type: 'unchanged', bytes: bytes.length }, transfer: [] }
    const list = bytes[0] === 0x5b || bytes[0] === 0x7b ? openDataList(new TextDecoder().decode(bytes)) : null
    if (list) return { outcome: { type: 'records', items: await listItems(list, name), bytes: bytes.length }, transfer: [] }
    const doc = await readDocument(bytes, name, ctx)
    return { outcome: { type: 'doc', doc, raw: bytes }, transfer: [bytes.buffer as ArrayBuffer] }
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err)
    return { outcome: { type: 'failed', reason: reason || 'unknown error', code: err instanceof ReadError ? err.code : 'internal' }, transfer: [] }
  }
}

// Papers are read one after another, in the order they came: the pool times the first it handed over.
let reading: Promise<void> = Promise.resolve()
port.on('message', (msg: ToWorker) => {
  reading = reading.then(async () => {
    const { outcome, transfer } = await read(msg)
    port.postMessage(outcome satisfies ToMain, transfer)
  })
})
port.postMessage({ type: 'ready' } satisfies ToMain)
