export { waitUntil as waitFor } from '@civic/local-run';
