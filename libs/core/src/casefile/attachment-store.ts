import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where attachment bytes live. The default keeps them in a directory under DATA_DIR; an
 * S3-compatible object store can stand behind the same three calls (docs/api.md, "Attachments").
 * Keys are server-made (`<disputeId>/<attachmentId>`), never from a client.
 */
export abstract class AttachmentStore {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
  /** Only to undo a put whose database row never committed; attachments are never erased. */
  abstract discard(key: string): Promise<void>;
}

const SAFE_KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/** Files under `<DATA_DIR>/attachments`. */
export class DirectoryAttachmentStore extends AttachmentStore {
  constructor(private readonly root: string) {
    super();
  }

  private fileOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error('attachment key has an unexpected shape');
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // wx: a key is written once; a second write of it is a bug, not an update.
    await writeFile(file, bytes, { flag: 'wx' });
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.fileOf(key));
  }

  async discard(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }
}
