/**
 * Checks real answers against the committed OpenAPI document: the status must be one the document
 * lists for the operation, and the body what it describes (ajv, JSON Schema 2020-12).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { expect } from 'vitest';
import { committedOpenApiPath } from '../src/rest/write-openapi.ts';

interface Operation {
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export function openApiChecker() {
  const document = JSON.parse(readFileSync(committedOpenApiPath, 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema(document, 'openapi.json');
  const pointer = (...parts: string[]) =>
    parts.map((p) => encodeURIComponent(p.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');
  // Literal paths first: /api/v1/users/me before /api/v1/users/{userId}.
  const templates = Object.keys(document.paths)
    .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`) }))
    .sort((a, b) => a.template.split('{').length - b.template.split('{').length);

  return {
    document,
    /** Checks one answer; returns the operation's path in the document, or null when none matches. */
    check(method: string, path: string, answer: { status: number; contentType: string | null; text: string }) {
      const template = templates.find((t) => t.pattern.test(path.split('?')[0] as string))?.template;
      const operation = template && document.paths[template]?.[method.toLowerCase()];
      if (!template || !operation) return null;
      const shown = `${method} ${path} → ${answer.status} ${answer.text.slice(0, 300)}`;
      const response = operation.responses[String(answer.status)];
      expect(response, `${shown}: status not in the document`).toBeDefined();
      const media = Object.keys(response?.content ?? {})[0];
      if (!media) {
        expect(answer.text, `${shown}: the document says no body`).toBe('');
      } else {
        expect(answer.contentType ?? '', shown).toContain(media);
        const body = media === 'application/json' ? JSON.parse(answer.text) : answer.text;
        const validate = ajv.getSchema(
          `openapi.json#/${pointer('paths', template, method.toLowerCase(), 'responses', String(answer.status), 'content', media, 'schema')}`,
        );
        expect(validate?.(body), `${shown}: ${JSON.stringify(validate?.errors)}`).toBe(true);
      }
      return template;
    },
  };
}
