import { LocalStorage, type MediaStorage, S3Storage } from '@miniter/api';
import type { Config } from './config.ts';

/**
 * The configured picture store. `serverUrl` is where this server listens: local files are
 * linked through it unless PUBLIC_URL names the address clients use.
 */
export function createMediaStorage(config: Config, serverUrl: string): MediaStorage {
  const { storage } = config;
  if (storage.driver === 'local') return new LocalStorage(storage.directory, config.publicUrl ?? serverUrl);
  const bucketUrl = storage.endpoint
    ? `${storage.endpoint.replace(/\/+$/, '')}/${storage.bucket}`
    : `https://${storage.bucket}.s3.${storage.region}.amazonaws.com`;
  return new S3Storage({ ...storage, publicBaseUrl: storage.publicUrl ?? bucketUrl });
}
