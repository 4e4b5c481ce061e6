// The one analysis worker: QA, term candidates, linking, "find in other reports" and alignment, dispatched by job
// kind over the job protocol (jobProtocol.ts), with one matcher per glossary version shared by all of them.
// Depends only on the job modules and the pure core behind them.
import { analysisRunner } from './analysisJobs'
import { serveJobs } from './jobWorker'

serveJobs(self, analysisRunner())
