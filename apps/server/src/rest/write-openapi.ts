/** `pnpm openapi`: writes the /api/v1 document to apps/server/openapi.json, where it is committed. */
import { writeFileSync } from 'node:fs';
import { openApiDocument } from './openapi.ts';

export const committedOpenApiPath = new URL('../../openapi.json', import.meta.url);

if (import.meta.main) {
  writeFileSync(committedOpenApiPath, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
  console.log(`wrote ${committedOpenApiPath.pathname}`);
}
