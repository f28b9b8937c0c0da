import { LocalStorage, type MediaStorage, S3Storage } from '@miniter/api';
import type { Config } from './config.ts';

/**
 * The configured picture store. Local files are linked at PUBLIC_URL when it is set; otherwise at
 * the origin each request came to (`LocalStorage.forOrigin`), and at `serverUrl`, where this server
 * listens, for what no request asked for.
 */
export function createMediaStorage(config: Config, serverUrl: string): MediaStorage {
  const { storage, publicUrl } = config;
  if (storage.driver === 'local') {
    return new LocalStorage(storage.directory, publicUrl ?? serverUrl, { perOrigin: !publicUrl });
  }
  const bucketUrl = storage.endpoint
    ? `${storage.endpoint.replace(/\/+$/, '')}/${storage.bucket}`
    : `https://${storage.bucket}.s3.${storage.region}.amazonaws.com`;
  return new S3Storage({ ...storage, publicBaseUrl: storage.publicUrl ?? bucketUrl });
}
