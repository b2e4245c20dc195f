import 'reflect-metadata';
import { failStart, start } from './start';

/** `npm start`: every configured door in one process, with every projection, on the local data directory. */
start().catch(failStart);
