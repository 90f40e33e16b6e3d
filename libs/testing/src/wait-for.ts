export { waitUntil as waitFor } from '../../../deploy/local/wait';
