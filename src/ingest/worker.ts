// A reading worker: gets papers (a path or bytes) and, one at a time, reads and
// hashes each, runs the pipeline and posts the Document back. The thread that
// started it is the only writer, and terminates it when a paper takes too long.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { createContext, readDocument } from '../pipeline.js'
import { ReadError } from '../read/index.js'
import { type ListedRecord, openDataList, zaakRecords } from '../read/opendata.js'
import { Packer } from '../store/codec.js'
import { preparePaper } from '../store/prepare.js'
import type { SyncItem } from '../store/store.js'
import { metadataPaper } from '../sync/content.js'
import type { ReadOutcome, ToMain, ToWorker, WorkerSetup } from './protocol.js'

const port = parentPort
if (!port) throw new Error('reading worker started outside a worker thread')
const setup = workerData as WorkerSetup
const known = new Set<string>(setup.known)
const ctx = { ...(await createContext(setup.read)), nameHints: setup.nameHints }
// The store's committed dictionaries, for packing what this thread prepares; the writer sends new ones as it makes them.
const packer = setup.prepare ? new Packer() : null
for (const d of setup.prepare?.dictionaries ?? []) packer?.add(d)

/**
 * The records of an open-data list file, as a sync would store them: every record kept, a deleted one
 * removing what it describes, and each Document record with its paper, read from the record (its own
 * text is fetched by `kamerwacht sync tk`, not from a file).
 */
async function listItems(list: ListedRecord[], name: string): Promise<SyncItem[]> {
  const items: SyncItem[] = []
  for (const { entity, record } of list) {
    const item: SyncItem = { record: kept(entity, record) }
    if (entity === 'Document' && !item.record.deleted)
      item.paper = await metadataPaper(record, ctx, 'absent', `read from the open-data list ${name}; its own text is fetched by kamerwacht sync tk`)
    items.push(item)
  }
  return items
}

/** A record as the store keeps it. */
function kept(entity: string, record: Record<string, unknown>): SyncItem['record'] {
  return {
    entity,
    id: String(record.Id),
    modified: String(record.ApiGewijzigdOp ?? record.GewijzigdOp ?? ''),
    deleted: record.Verwijderd === true,
    record,
  }
}

/** A Zaak file's records: the Zaak, and its published Document with the paper the whole file is read as. */
async function zaakItems(zaak: NonNullable<ReturnType<typeof zaakRecords>>, bytes: Uint8Array, name: string): Promise<SyncItem[]> {
  const items: SyncItem[] = [{ record: kept('Zaak', zaak.zaak) }]
  if (zaak.document) items.push({ record: kept('Document', zaak.document), paper: { doc: await readDocument(bytes, name, ctx), raw: bytes, content: 'ok' } })
  return items
}

async function read(msg: Extract<ToWorker, { type: 'read' }>): Promise<{ outcome: ReadOutcome; transfer: ArrayBuffer[] }> {
  try {
    const { job } = msg
    const bytes = 'path' in job ? new Uint8Array(readFileSync(job.path)) : job.bytes
    const name = 'path' in job ? basename(job.path) : job.name
    const sha = createHash('sha256').update(bytes).digest('hex')
    if (known.has(sha)) return { outcome: { type: 'unchanged', bytes: bytes.length }, transfer: [] }
    const list = bytes[0] === 0x5b || bytes[0] === 0x7b ? openDataList(new TextDecoder().decode(bytes)) : null
    if (list) return { outcome: { type: 'records', items: await listItems(list, name), bytes: bytes.length }, transfer: [] }
    const zaak = bytes[0] === 0x7b ? zaakRecords(new TextDecoder().decode(bytes)) : null
    if (zaak) return { outcome: { type: 'records', items: await zaakItems(zaak, bytes, name), bytes: bytes.length }, transfer: [] }
    const doc = await readDocument(bytes, name, ctx)
    if (!packer) return { outcome: { type: 'doc', doc, raw: bytes }, transfer: [bytes.buffer as ArrayBuffer] }
    const prepared = preparePaper(doc, bytes, packer)
    const packed = [
      prepared.source,
      prepared.doc,
      prepared.text,
      prepared.packedProfile,
      ...prepared.packedRecords,
      ...(prepared.events ? [prepared.events] : []),
    ]
    return { outcome: { type: 'doc', doc, raw: bytes, prepared }, transfer: [bytes.buffer as ArrayBuffer, ...transferable(packed)] }
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err)
    return { outcome: { type: 'failed', reason: reason || 'unknown error', code: err instanceof ReadError ? err.code : 'internal' }, transfer: [] }
  }
}

// Papers are read one after another, in the order they came: the pool times the first it handed over.
let reading: Promise<void> = Promise.resolve()
port.on('message', (msg: ToWorker) => {
  if (msg.type === 'dictionaries') {
    for (const d of msg.dictionaries) if (packer && !packer.has(d.id)) packer.add(d)
    return
  }
  reading = reading.then(async () => {
    const { outcome, transfer } = await read(msg)
    try {
      port.postMessage(outcome satisfies ToMain, transfer)
    } catch (e) {
      // A Document that cannot be sent (it should not happen) fails alone; the papers behind it are still read.
      const reason = `could not be handed to the writer: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`
      port.postMessage({ type: 'failed', code: 'internal', reason } satisfies ToMain)
    }
  })
})
port.postMessage({ type: 'ready' } satisfies ToMain)

/** The buffers of packed values that own their memory whole, moved to the writer rather than copied (a pooled Buffer shares its memory). */
function transferable(values: Uint8Array[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>()
  for (const v of values) if (v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.add(v.buffer as ArrayBuffer)
  return [...out]
}
