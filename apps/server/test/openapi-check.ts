/**
 * Checks real answers against the committed OpenAPI document: the status must be one the document
 * lists for the operation, and the body what it describes (ajv, JSON Schema 2020-12).
 * `documentedAnswers` does it for every answer a test server gives (`useHttpServer`'s `onAnswer`),
 * and also fails an answer of a route the document does not have.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { afterEach, expect } from 'vitest';
import { committedOpenApiPath } from '../src/rest/write-openapi.ts';
import type { Answer } from './helpers.ts';

interface Response {
  $ref?: string;
  content?: Record<string, unknown>;
}
interface Operation {
  responses: Record<string, Response>;
}

export function openApiChecker() {
  const document = JSON.parse(readFileSync(committedOpenApiPath, 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
    components: { responses?: Record<string, Response> };
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema(document, 'openapi.json');
  const pointer = (...parts: string[]) =>
    parts.map((p) => encodeURIComponent(p.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');
  // Literal paths first: /api/v1/accounts/lookup before /api/v1/accounts/{id}.
  const templates = Object.keys(document.paths)
    .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`) }))
    .sort((a, b) => a.template.split('{').length - b.template.split('{').length);

  return {
    document,
    /** Checks one answer; returns the operation's path in the document, or null when none matches. */
    check(method: string, path: string, answer: { status: number; contentType: string | null; text: string }) {
      // Express takes `/a/` for `/a`.
      const pathname = (path.split('?')[0] as string).replace(/(.)\/$/, '$1');
      const template = templates.find((t) => t.pattern.test(pathname))?.template;
      const operation = template && document.paths[template]?.[method.toLowerCase()];
      if (!template || !operation) return null;
      const shown = `${method} ${path} → ${answer.status} ${answer.text.slice(0, 300)}`;
      const listed = operation.responses[String(answer.status)];
      expect(listed, `${shown}: status not in the document`).toBeDefined();
      // A response shared by several operations is a component.
      const shared = listed?.$ref?.replace('#/components/responses/', '');
      const response = shared ? document.components.responses?.[shared] : listed;
      const where = shared
        ? ['components', 'responses', shared]
        : ['paths', template, method.toLowerCase(), 'responses', String(answer.status)];
      const media = Object.keys(response?.content ?? {})[0];
      if (!media) {
        expect(answer.text, `${shown}: the document says no body`).toBe('');
      } else {
        expect(answer.contentType ?? '', shown).toContain(media);
        // A stream's events are described in words; its frames are not checked here.
        if (media === 'text/event-stream') return template;
        const body = /json/.test(media) ? JSON.parse(answer.text) : answer.text;
        const validate = ajv.getSchema(`openapi.json#/${pointer(...where, 'content', media, 'schema')}`);
        expect(validate?.(body), `${shown}: ${JSON.stringify(validate?.errors)}`).toBe(true);
      }
      return template;
    },
  };
}

/** What the document does not describe: the typed API, pictures, the probes and the document itself. */
const undocumented = /^\/(trpc|media|avatars|headers|healthz|readyz|api\/docs|api\/openapi\.json)(\/|$|\?)/;

/**
 * Every answer of a test server, checked against the document at the end of each test (an answer
 * is over only after its client has it): `onAnswer` for `useHttpServer`. An answer of a route the
 * document lacks fails; a path no route took must be the final 404, in JSON.
 */
export function documentedAnswers() {
  const { check } = openApiChecker();
  const problems: string[] = [];
  afterEach(() => {
    const found = problems.splice(0);
    expect(found, 'answers that the OpenAPI document does not describe').toEqual([]);
  });
  return (answer: Answer) => {
    // (CORS preflights are answered for any path: transport, not operations.)
    if (undocumented.test(answer.url) || answer.method === 'OPTIONS') return;
    try {
      if (answer.unmatched) {
        expect(answer.status, `${answer.method} ${answer.url}: no route`).toBe(404);
        expect(answer.contentType ?? '').toMatch(/^application\/json/);
      } else if (check(answer.method, answer.url, answer) === null) {
        problems.push(`${answer.method} ${answer.url} → ${answer.status}: no such operation in the document`);
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
  };
}
