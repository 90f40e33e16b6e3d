import { render } from 'preact';
import { App } from './app';

const root = document.getElementById('app')!;
// The page's "loading" text stands until the script runs; the app takes its place.
root.replaceChildren();
render(<App />, root);
