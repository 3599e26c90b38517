// The worker thread behind `bench/measure-parsers.ts`'s `workers` mode (bundled with esbuild
// by bench/run.mjs): parses each text it is sent with Trellis's own parser and posts the
// result back dehydrated, the protocol of Langium's `WorkerThreadAsyncParser`.

import { parentPort } from 'node:worker_threads';
import { EmptyFileSystem } from 'langium';
import { createTrellisServices } from '../language/trellis-module.js';

const port = parentPort;
if (!port) throw new Error('parse-worker runs as a worker thread');
const { Trellis } = createTrellisServices(EmptyFileSystem);
const parser = Trellis.parser.LangiumParser;
const hydrator = Trellis.serializer.Hydrator;
port.on('message', (text: string) => port.postMessage(hydrator.dehydrate(parser.parse(text))));
