/**
 * `pnpm openapi`: writes the REST API's document to apps/server/openapi.json and the TypeScript types
 * openapi-typescript makes of it to apps/server/openapi.d.ts, where both are committed (a test
 * fails when either differs from what the code makes).
 */
import { writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from './openapi.ts';

export const committedOpenApiPath = new URL('../../openapi.json', import.meta.url);
export const committedOpenApiTypesPath = new URL('../../openapi.d.ts', import.meta.url);

/** The types a REST client generated from `document` gets (openapi-fetch takes them). */
export async function openApiTypes(document: object): Promise<string> {
  return astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
}

if (import.meta.main) {
  const document = openApiDocument();
  writeFileSync(committedOpenApiPath, `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(committedOpenApiTypesPath, await openApiTypes(document));
  console.log(`wrote ${committedOpenApiPath.pathname} and ${committedOpenApiTypesPath.pathname}`);
}
