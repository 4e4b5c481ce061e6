// Runs the terminology QA checks off the main thread: a run posts progress before each step (each report,
// each check) and can be cancelled between steps. Depends only on the QA job and the pure core behind it.
import { serveJobs } from './jobWorker'
import { runQaJob } from './qaJob'

serveJobs(runQaJob)
