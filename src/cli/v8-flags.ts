/**
 * node:v8's flag setter, for heap-growth.ts to import when a command reads a data folder (loading the
 * module costs every start-up ~6 ms). Imported through this module for the reason threads.ts gives.
 */
export { setFlagsFromString } from 'node:v8';
