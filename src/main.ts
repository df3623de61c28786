import { run } from './cli.js';
import { exitQuietlyOnEpipe, exitWhenFlushed, processContext } from './context.js';

exitQuietlyOnEpipe();
exitWhenFlushed(await run(processContext()));
