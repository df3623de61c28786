import { run } from './cli.js';
import { exitQuietlyOnEpipe, processContext, setExitCode } from './context.js';

exitQuietlyOnEpipe();
setExitCode(await run(processContext()));
