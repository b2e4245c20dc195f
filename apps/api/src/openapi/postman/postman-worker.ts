import { parentPort, workerData } from 'node:worker_threads';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createPostmanCollection } from './postman-collection';

// Converts the document off the server's event loop (postman-routes.ts) and sends back the JSON.
const { document, baseUrl } = workerData as { document: OpenAPIObject; baseUrl: string };
void createPostmanCollection(document, baseUrl).then((collection) =>
  parentPort!.postMessage(JSON.stringify(collection)),
);
