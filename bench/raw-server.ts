/**
 * The limit on this box: a raw `node:http` handler sending a recorded answer, the same body and
 * headers our server sent. Args: port, body file, headers file (JSON: name → value).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, bodyFile, headersFile] = process.argv.slice(2);
if (!port || !bodyFile || !headersFile)
  throw new Error('usage: raw-server <port> <body file> <headers file>');
const body = readFileSync(bodyFile);
const headers: Record<string, string> = JSON.parse(readFileSync(headersFile, 'utf8'));
headers['content-length'] = String(body.length);
createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), '127.0.0.1');
