import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AttachmentStore } from './attachment-store';

export interface S3StoreOptions {
  bucket: string;
  /** Unset: AWS itself. Set for MinIO, Aliyun OSS, Tencent COS and other S3-compatible stores. */
  endpoint?: string;
  region: string;
  /** Prepended to every key, e.g. `tricolor/attachments/`. */
  prefix: string;
  /** Bucket in the path rather than the host name; MinIO needs it. */
  forcePathStyle: boolean;
}

/**
 * Attachments in an S3-compatible bucket. Credentials come from the AWS SDK's usual chain
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role). Checksums are sent
 * only when an operation requires them: several S3-compatible stores refuse the newer headers.
 */
export class S3AttachmentStore extends AttachmentStore {
  private readonly client: S3Client;

  constructor(
    private readonly options: S3StoreOptions,
    client?: S3Client,
  ) {
    super();
    this.client =
      client ??
      new S3Client({
        region: options.region,
        forcePathStyle: options.forcePathStyle,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      });
  }

  private keyOf(key: string): string {
    return `${this.options.prefix}${key}`;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.keyOf(key),
        Body: bytes,
        ContentLength: bytes.length,
        // Written once: a second write of a key is refused where the store supports it.
        IfNoneMatch: '*',
      }),
    );
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.client.send(
      new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }),
    );
    if (!res.Body) throw new Error('attachment object has no body');
    return Buffer.from(await res.Body.transformToByteArray());
  }

  async discard(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }),
    );
  }
}
