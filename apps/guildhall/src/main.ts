import 'reflect-metadata';
import { start } from './start';

/** `npm start`: every configured door in one process, with every projection, on the local data directory. */
start().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
