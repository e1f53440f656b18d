// `npm run serve`: the playground on http://127.0.0.1:8080/playground/ (PORT to change it).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { url } = await startServer(root, Number(process.env.PORT ?? 8080));
console.log(`nnbasics playground: ${url}/playground/  (Ctrl+C to stop)`);
