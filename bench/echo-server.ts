// The raw baseline of `npm run bench:submissions`: a minimal Hono + zod server that parses the same JSON
// with the same submission schema and echoes it, with none of the product's middleware and no storage.
// Environment: PORT.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { SubmissionSchema } from '../src/cases/submission.schema.ts';

const app = new Hono();
app.post('/echo', async (c) => {
  const parsed = SubmissionSchema.safeParse(await c.req.json());
  if (!parsed.success) return c.json({ error: parsed.error.issues }, 422);
  return c.json({ ok: true, kind: parsed.data.kind }, 201);
});
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
