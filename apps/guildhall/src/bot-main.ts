import 'reflect-metadata';
import { start } from './start';

/** `npm run start:bot`: the Discord door and its voice worker, without the HTTP door. */
start({ httpDoor: false }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
