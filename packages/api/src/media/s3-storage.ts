import type { S3Client } from '@aws-sdk/client-s3';
import { assertSafeKey, immutableCacheControl, type MediaStorage } from './storage.ts';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For S3-compatible stores (MinIO, R2, …); unset for AWS. */
  endpoint?: string | undefined;
  forcePathStyle?: boolean;
  /** Unset: the AWS SDK's usual credential chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Where clients fetch objects (a CDN, or the bucket's public URL). */
  publicBaseUrl: string;
}

/** Any S3-compatible store: what lets several server instances share pictures. */
export class S3Storage implements MediaStorage {
  /** The SDK is loaded only when S3 is used: it is a large module a local set-up does not need. */
  readonly #sdk = import('@aws-sdk/client-s3');
  readonly #client: Promise<S3Client>;
  readonly #bucket: string;
  readonly #publicBaseUrl: string;

  constructor(options: S3StorageOptions) {
    this.#client = this.#sdk.then(
      ({ S3Client }) =>
        new S3Client({
          region: options.region,
          ...(options.endpoint ? { endpoint: options.endpoint } : {}),
          forcePathStyle: options.forcePathStyle ?? false,
          ...(options.credentials ? { credentials: options.credentials } : {}),
        }),
    );
    this.#bucket = options.bucket;
    this.#publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, '');
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    assertSafeKey(key);
    const [client, { PutObjectCommand }] = await Promise.all([this.#client, this.#sdk]);
    await client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        CacheControl: immutableCacheControl,
      }),
    );
  }

  async remove(keys: string[]): Promise<void> {
    if (!keys.length) return;
    for (const key of keys) assertSafeKey(key);
    const [client, { DeleteObjectsCommand }] = await Promise.all([this.#client, this.#sdk]);
    await client.send(
      new DeleteObjectsCommand({
        Bucket: this.#bucket,
        Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
      }),
    );
  }

  url(key: string): string {
    return `${this.#publicBaseUrl}/${key}`;
  }
}
