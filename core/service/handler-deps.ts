import type { GridViews } from '../catalog/grid-views.js';
import type { Catalog } from '../catalog/open-catalog.js';
import type { JobControl } from '../jobs/job-host.js';
import type { AiService } from '../ai/ai-service.js';

/** What a catalog thread's handlers run over. */
export interface HandlerDeps {
  catalog: Catalog;
  /** The grid views of this connection (a reader's). */
  views: GridViews;
  info: { appVersion: string; transport: 'electron' | 'web'; stagingDir: string };
  /** The writer's job runner: wakes it after jobs.start/retry, cancels through it (absent: a unit test over a bare connection). */
  jobs?: JobControl;
  /** The writer's AI client (absent: a unit test over a bare connection). */
  ai?: AiService;
}
