import type { CurrentUser, ImportKind, ImportMappingBody, ImportRun, ImportUpload } from '@synergies/shared';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound } from '../../http/problem';
import { jobsExecutor, QUEUES } from '../../infra/jobs';
import { facilitates } from '@synergies/shared';
import * as zoneRepo from '../zones/repository';
import { analyse, guessKind, ImportRejected, mappingFor, previewOf, write } from './importer';
import * as repo from './repository';
import { readSheet } from './sheet';

const SAMPLE_ROWS = 5;

function present(run: repo.ImportRunRow): ImportRun {
  return {
    id: run.id,
    zoneId: run.zoneId,
    kind: run.kind,
    fileName: run.fileName,
    status: run.status,
    total: run.total,
    done: run.done,
    mapping: run.mapping,
    result: run.result,
    error: run.error,
    createdAt: new Date(run.createdAt).toISOString(),
    finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
  };
}

export class ImportService {
  constructor(private readonly ctx: AppContext) {}

  private async zone(user: CurrentUser, slug: string) {
    const zone = await zoneRepo.findZoneBySlug(this.ctx.db, slug);
    if (!zone) throw notFound('Zone');
    if (!facilitates(user, zone.id)) throw forbidden('Seuls les animateurs de la zone importent ses données');
    return zone;
  }

  private async run(user: CurrentUser, slug: string, id: string) {
    const zone = await this.zone(user, slug);
    const run = await repo.findRun(this.ctx.db.$client, id);
    if (!run || run.zoneId !== zone.id) throw notFound('Import');
    return { zone, run };
  }

  /** Keeps the file and answers its headers, first rows and the mapping to start from. */
  async upload(user: CurrentUser, slug: string, fileName: string, requestedKind: ImportKind | undefined, bytes: Buffer): Promise<ImportUpload> {
    const zone = await this.zone(user, slug);
    const sheet = await readSheet(bytes, fileName);
    const kind = requestedKind ?? guessKind(sheet.headers);
    const template = await repo.template(this.ctx.db.$client, zone.id, kind);
    const run = await repo.insertRun(this.ctx.db.$client, { zoneId: zone.id, kind, fileName, file: bytes, total: sheet.rows.length, requestedBy: user.id });
    return {
      run: present(run),
      headers: sheet.headers,
      sample: sheet.rows.slice(0, SAMPLE_ROWS).map((r) => sheet.headers.map((h) => r.cells[h] ?? '')),
      rowCount: sheet.rows.length,
      mapping: mappingFor(kind, sheet.headers, template),
      mappingFrom: template ? 'template' : 'headers',
    };
  }

  /** Each row's fate with this mapping; the mapping becomes the zone's template for this kind of sheet. */
  async preview(user: CurrentUser, slug: string, id: string, body: ImportMappingBody) {
    const { zone, run } = await this.run(user, slug, id);
    const sheet = await readSheet(await repo.runFile(this.ctx.db.$client, run.id), run.fileName);
    const analysis = await analyse(this.ctx, zone.id, sheet, body.kind, body.mapping);
    await repo.saveTemplate(this.ctx.db.$client, zone.id, body.kind, body.mapping, this.ctx.now());
    return previewOf(analysis);
  }

  /** Queues the import; a second confirmation of the same file is refused. */
  async start(user: CurrentUser, slug: string, id: string, body: ImportMappingBody): Promise<ImportRun> {
    const { zone, run } = await this.run(user, slug, id);
    await this.ctx.db.$client.begin(async (tx) => {
      if (!(await repo.queueRun(tx, run.id, body.kind, body.mapping)))
        throw conflict('import_already_started', 'Cet import est déjà lancé : suivez sa progression.');
      await repo.saveTemplate(tx, zone.id, body.kind, body.mapping, this.ctx.now());
      await this.ctx.jobs.send(QUEUES.sheetImport, { runId: run.id }, { db: jobsExecutor(tx), retryLimit: 0 });
    });
    return present((await repo.findRun(this.ctx.db.$client, run.id))!);
  }

  async get(user: CurrentUser, slug: string, id: string): Promise<ImportRun> {
    return present((await this.run(user, slug, id)).run);
  }

  async list(user: CurrentUser, slug: string): Promise<ImportRun[]> {
    const zone = await this.zone(user, slug);
    return (await repo.listRuns(this.ctx.db.$client, zone.id, 20)).map(present);
  }

  /** The background job: analyses again (the zone may have changed since the preview), then writes. */
  async execute(runId: string): Promise<void> {
    const sql = this.ctx.db.$client;
    if (!(await repo.startRun(sql, runId))) return;
    const run = (await repo.findRun(sql, runId))!;
    try {
      const sheet = await readSheet(await repo.runFile(sql, runId), run.fileName);
      const analysis = await analyse(this.ctx, run.zoneId, sheet, run.kind, run.mapping ?? {});
      const counts = await write(this.ctx, run.zoneId, analysis, run.requestedBy, (done, total) =>
        repo.setProgress(sql, runId, done, total).then(() => undefined),
      );
      await repo.finishRun(sql, runId, 'done', counts, null, this.ctx.now());
    } catch (error) {
      if (error instanceof ImportRejected) {
        await repo.finishRun(sql, runId, 'failed', error.counts, error.message, this.ctx.now());
      } else {
        await repo.finishRun(sql, runId, 'failed', null, error instanceof Error ? error.message : String(error), this.ctx.now());
      }
    }
  }
}

export async function startImportWorkers(ctx: AppContext, log: { error: (o: object, m: string) => void }) {
  const service = new ImportService(ctx);
  await ctx.jobs.work<{ runId: string }>(QUEUES.sheetImport, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    try {
      await service.execute(job!.data.runId);
    } catch (err) {
      log.error({ err }, 'sheet import failed');
      throw err;
    }
  });
}
