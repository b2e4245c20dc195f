import 'reflect-metadata';
import { failStart, start } from './start';

/** `npm run start:bot`: the Discord door and its voice worker, without the HTTP door. */
start({ httpDoor: false }).catch(failStart);
