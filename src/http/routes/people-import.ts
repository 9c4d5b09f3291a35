import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { importPeople } from '../../app/people/import-people.ts';
import { errorBody } from '../schemas.ts';
import { actorOf } from '../types.ts';

const problem = z.object({ line: z.number(), field: z.string(), message: z.string() });

/** The people import from the screen: the same checks and outcome as `wellcheck import people`. */
export function peopleImportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/people/import', {
    config: { access: { action: 'person.import' } },
    // A 10,000-row spreadsheet is about 2 MB; allow well beyond that for wide files.
    bodyLimit: 50 * 1024 * 1024,
    schema: {
      tags: ['people'], summary: 'Import people from a CSV file (nothing imported if any row is bad, unless skipBad)',
      body: z.object({ fileName: z.string().max(200), csv: z.string(), skipBad: z.boolean().default(false) }),
      response: {
        200: z.object({
          imported: z.literal(true), rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number(),
          skippedLines: z.array(z.number()), problems: z.array(problem),
        }),
        400: errorBody.extend({ problems: z.array(problem).optional() }),
      },
    },
  }, async (request, reply) => {
    const result = await importPeople(deps, actorOf(request), request.body);
    if (!result.imported) {
      const first = result.problems[0];
      const lines = new Set(result.problems.map((p) => p.line)).size;
      return reply.status(400).send({
        error: { code: 'invalid', message: `Nothing imported: ${lines} row${lines === 1 ? '' : 's'} with problems`, field: `line ${first.line}: ${first.field}` },
        problems: result.problems,
      });
    }
    return { ...result, imported: true as const };
  });
}
