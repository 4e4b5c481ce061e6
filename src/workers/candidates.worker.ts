// Mines term candidates off the main thread: a run posts progress before each step (prepare, mine, evidence)
// and can be cancelled between steps. Depends only on the candidates job and the pure core behind it.
import { runCandidatesJob } from './candidatesJob'
import { serveJobs } from './jobWorker'

serveJobs(runCandidatesJob)
